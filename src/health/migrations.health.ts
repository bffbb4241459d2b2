import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async isApplied(key: string) {
    const check = this.indicator.check(key);
    const pending = await this.dataSource.showMigrations().catch(() => true);
    return pending ? check.down({ message: 'migrations pending' }) : check.up();
  }
}
