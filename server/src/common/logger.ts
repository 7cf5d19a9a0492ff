// Structured logs: one JSON object per line on stdout. Request bodies are never logged, and
// whatever a caller passes, secrets and personal data are scrubbed on the way out (scrub below).
import { LoggerService } from '@nestjs/common';
import { isValidIdNumber, maskIdNumber } from '@shian/shared';
import type { LogLevel } from '../config/config';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Fields never written, by name, at any depth (a complainant's identity and query code too: issue #7). */
const SECRET_KEYS = /^(password|newPassword|idNumber|id_number|idNumberEnc|idNumberEncrypted|authorization|accessToken|refreshToken|contactName|contactPhone|complainantName\w*|complainant_\w+|queryCode|challengeAnswer)$/i;
const ID_NUMBER_LIKE = /\d{17}[\dXx]/g;

/** JSON.stringify replacer: drops secret fields and masks anything that reads as a valid resident ID number (1501**********1234). */
export function scrub(key: string, value: unknown): unknown {
  if (key && SECRET_KEYS.test(key) && value !== undefined && value !== null && typeof value !== 'object') return '[redacted]';
  if (typeof value === 'string' && value.length >= 18) return value.replace(ID_NUMBER_LIKE, (m) => (isValidIdNumber(m) ? maskIdNumber(m) : m));
  return value;
}

/** Nest's start-up chatter (a line per module and route): debug, so the start banner stays visible. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly sink: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  private write(level: LogLevel, message: unknown, context?: string, extra?: Record<string, unknown>): void {
    if (RANK[level] < RANK[this.level]) return;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level };
    if (context) line.context = context;
    if (message instanceof Error) {
      line.msg = message.message;
      line.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, message);
    } else {
      line.msg = String(message);
    }
    if (extra) Object.assign(line, extra);
    this.sink(JSON.stringify(line, scrub));
  }

  // Nest calls these with (message, ...optionalParams), the last string param being the context.
  private split(params: unknown[]): { context?: string; extra?: Record<string, unknown> } {
    const context = typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const extra: Record<string, unknown> = {};
    for (const p of params) {
      if (typeof p === 'string') extra.stack = p;
      else if (p && typeof p === 'object') Object.assign(extra, p);
    }
    return { context, extra: Object.keys(extra).length ? extra : undefined };
  }

  log(message: unknown, ...params: unknown[]): void {
    const { context, extra } = this.split(params);
    this.write(context && BOOT_CONTEXTS.has(context) ? 'debug' : 'info', message, context, extra);
  }
  error(message: unknown, ...params: unknown[]): void {
    const { context, extra } = this.split(params);
    this.write('error', message, context, extra);
  }
  warn(message: unknown, ...params: unknown[]): void {
    const { context, extra } = this.split(params);
    this.write('warn', message, context, extra);
  }
  debug(message: unknown, ...params: unknown[]): void {
    const { context, extra } = this.split(params);
    this.write('debug', message, context, extra);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.debug(message, ...params);
  }
}
