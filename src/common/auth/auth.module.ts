import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ThrottlingModule } from '../throttling/throttling.module';
import { AuthFailureLimiter } from './auth-failure.limiter';
import { BasicStrategy } from './basic.strategy';
import { CredentialsService } from './credentials.service';
import { UsersSource } from './users.source';

@Module({
  imports: [PassportModule, ThrottlingModule],
  providers: [UsersSource, CredentialsService, BasicStrategy, AuthFailureLimiter],
  exports: [AuthFailureLimiter],
})
export class AuthModule {}
