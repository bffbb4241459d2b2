import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'poste:public';

/** Opts a route out of Basic auth and throttling (health checks). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
