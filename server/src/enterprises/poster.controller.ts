import { Controller, Get, Header, Inject, Param, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ENTERPRISE_ROLES, Role } from '@shian/shared';
import { CurrentCaller, Roles } from '../common/auth.decorators';
import type { Caller } from '../common/caller';
import { uuidParam } from '../common/params';
import { Poster, PosterService } from './poster.service';

/**
 * The origin the caller reached us at: X-Forwarded-Proto and X-Forwarded-Host count when they come
 * from a proxy TRUST_PROXY trusts (app.factory.ts). Null when the Host is not a plain host[:port].
 */
export function requestOrigin(req: FastifyRequest): string | null {
  const host = req.host;
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return null;
  try {
    return new URL(`${req.protocol === 'https' ? 'https' : 'http'}://${host}`).origin;
  } catch {
    return null;
  }
}

/** attachment with an ASCII fallback and the Chinese name per RFC 5987 (filename*). */
export function posterDisposition(fileName: string): string {
  const safe = fileName.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_');
  const encoded = encodeURIComponent(safe).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="poster.pdf"; filename*=UTF-8''${encoded}`;
}

const pdfFile = (p: Poster) => new StreamableFile(p.content, { type: 'application/pdf', length: p.content.length, disposition: posterDisposition(p.fileName) });

@ApiTags('enterprises 企业')
@ApiBearerAuth()
@Controller('enterprises')
export class PosterController {
  constructor(@Inject(PosterService) private readonly posters: PosterService) {}

  @Get(':id/poster.pdf')
  @Roles(...ENTERPRISE_ROLES, Role.Regulator, Role.Admin)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: '下载公示牌（A4 PDF，张贴于经营场所）',
    description:
      '企业名称、许可证编号、经营地址、风险分级和公示页二维码（扫码查看日管控记录、整改情况，投诉举报），不含人员姓名。本企业人员和辖区监管人员可下载；企业须已通过审核（否则 409）。二维码地址取 PUBLIC_BASE_URL，未设置时取本次请求的地址。',
  })
  async poster(@CurrentCaller() caller: Caller, @Param('id', uuidParam('企业ID')) id: string, @Req() req: FastifyRequest): Promise<StreamableFile> {
    return pdfFile(await this.posters.pdf(caller, id, requestOrigin(req)));
  }
}
