import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@heard/http';
import { HeardMetrics } from '@heard/observability';

/** Prometheus text exposition format, version 0.0.4. */
const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * /metrics on the API port, public like /health (README, "Seeing what it does"): only served
 * here while METRICS_PORT does not move it to a port of its own.
 */
@ApiExcludeController()
@Public()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: HeardMetrics) {}

  @Get('metrics')
  @Header('Content-Type', PROMETHEUS_TEXT)
  text(): Promise<string> {
    return this.metrics.text();
  }
}
