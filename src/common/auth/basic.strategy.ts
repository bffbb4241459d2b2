import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { BasicStrategy as PassportBasicStrategy } from 'passport-http';
import { CredentialsService } from './credentials.service';

/** The authenticated caller: every object it creates is owned by `name`. */
export interface AuthenticatedUser {
  name: string;
}

@Injectable()
export class BasicStrategy extends PassportStrategy(PassportBasicStrategy, 'basic') {
  constructor(private readonly credentials: CredentialsService) {
    super({ realm: 'poste' });
  }

  async validate(name: string, password: string): Promise<AuthenticatedUser | false> {
    const owner = await this.credentials.verify(name, password);
    return owner === null ? false : { name: owner };
  }
}
