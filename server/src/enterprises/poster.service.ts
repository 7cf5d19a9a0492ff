// 公示牌: who may print a business's poster, and the facts it carries. The business's own staff and
// the officials whose region covers it (the same scope as GET /api/enterprises/:id); only once the
// business is confirmed — the poster sends the public to a page that shows confirmed businesses only.
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { EnterpriseStatus, parentRegionCode, publicEnterpriseUrl, todayInShanghai } from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { applyScope } from '../common/region-scope';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Region } from '../regions/region.entity';
import { Enterprise } from './enterprise.entity';
import { EnterpriseErrors } from './enterprises.errors';
import { loadPosterFonts, PosterFontState, renderPoster } from './poster';

export interface Poster {
  fileName: string;
  content: Buffer;
}

/** Region levels named on the poster: county (6 digits) and below; province and city go without saying. */
const FIRST_NAMED_LEVEL_LENGTH = 6;

@Injectable()
export class PosterService implements OnModuleInit {
  private readonly logger = new Logger('Poster');
  private fonts: PosterFontState = { ok: false, problem: '字体尚未加载' };

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The fonts are read once here; a missing one is said once in the log, and each poster is a 503. */
  onModuleInit(): void {
    this.fonts = loadPosterFonts(this.config.posterFonts);
    if (!this.fonts.ok) {
      const hint = this.config.posterFonts.fromDefault ? 'install fonts-noto-cjk or set POSTER_FONT' : 'check POSTER_FONT';
      this.logger.warn({ msg: `公示牌 posters are unavailable (503): ${hint}`, problem: this.fonts.problem });
    }
  }

  /** `requestOrigin`: the caller's own origin, used when PUBLIC_BASE_URL is unset (null when its Host is unusable). */
  async pdf(caller: Caller, id: string, requestOrigin: string | null, now = new Date()): Promise<Poster> {
    const qb = this.ds.getRepository(Enterprise).createQueryBuilder('e').where('e.id = :id', { id });
    const e = await applyScope(qb, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne();
    if (!e) throw notFound('企业');
    if (e.status !== EnterpriseStatus.Active) throw AppError.of(EnterpriseErrors, 'ENTERPRISE_NOT_CONFIRMED');
    if (!this.fonts.ok) throw AppError.of(EnterpriseErrors, 'CJK_FONT_MISSING');
    const origin = this.config.publicBaseUrl ?? requestOrigin;
    if (!origin) throw AppError.of(EnterpriseErrors, 'BAD_HOST_HEADER', [{ field: 'Host', message: EnterpriseErrors.BAD_HOST_HEADER.message }]);
    const content = await renderPoster(
      {
        name: e.name,
        licenceNo: e.licenceNo,
        address: e.address,
        grade: e.grade,
        regionName: await this.regionName(e.regionCode),
        url: publicEnterpriseUrl(origin, e.id),
        date: todayInShanghai(now),
      },
      this.fonts,
    );
    return { fileName: `公示牌-${e.name}.pdf`, content };
  }

  /** '新城区 海东路街道 青城社区': the business's village and its parents down from the county. */
  private async regionName(code: string): Promise<string> {
    const codes: string[] = [];
    for (let c: string | null = code; c && c.length >= FIRST_NAMED_LEVEL_LENGTH; c = parentRegionCode(c)) codes.unshift(c);
    if (!codes.length) return '';
    const rows = await this.ds.getRepository(Region).find({ where: { code: In(codes) }, select: { code: true, name: true } });
    const names = new Map(rows.map((r) => [r.code, r.name]));
    return codes.flatMap((c) => names.get(c) ?? []).join(' ');
  }
}
