// The one route table: app.config.ts derives pages, subPackages and preloadRule from it, and
// navigation uses `routeUrl('enterprise.home')` so a renamed page is a type error, not a 404.
// Keep this file free of runtime imports: app.config.ts is evaluated at build time.

export const MAIN_PAGES = {
  /** Entry page: sends the user to the home page of their role (or to login). */
  home: 'pages/home/index',
  login: 'pages/login/index',
} as const;

export const SUBPACKAGES = {
  enterprise: {
    root: 'packages/enterprise',
    pages: {
      home: 'pages/home/index',
      dailyCheck: 'pages/daily-check/index',
      dailyCheckDetail: 'pages/daily-check-detail/index',
      riskList: 'pages/risk-list/index',
      todos: 'pages/todos/index',
      /** 周排查 form (?week=); ?correct= a submitted version to correct (提交更正). */
      weeklyInvestigation: 'pages/weekly-investigation/index',
      weeklyInvestigationDetail: 'pages/weekly-investigation-detail/index',
      /** 月调度 form (?month=); ?correct= a submitted version to correct (提交更正). */
      monthlyReview: 'pages/monthly-review/index',
      monthlyReviewDetail: 'pages/monthly-review-detail/index',
      outbox: 'pages/outbox/index',
      calendar: 'pages/calendar/index',
      /** 人员与资质: requirement, roster with credential states, invitations, role history. */
      staff: 'pages/staff/index',
      /** 资质上传 for one director or officer (?userId=, optional ?kind=&supersedesId= to re-upload). */
      credentialUpload: 'pages/credential-upload/index',
      /** 培训记录: internal trainings, adding one, this year's hours per person vs 40. */
      trainings: 'pages/trainings/index',
      /** 整改通知: the orders officials issued to the business, by status. */
      rectifications: 'pages/rectifications/index',
      /** One order (?id=): items, deadline, history; the answer form (measures + photos) while it waits for one. */
      rectificationDetail: 'pages/rectification-detail/index',
      /** 提交更正 of a daily check (?id= the version to correct): a new version with a reason. */
      dailyCheckCorrection: 'pages/daily-check-correction/index',
    },
  },
  official: {
    root: 'packages/official',
    pages: {
      dailyChecks: 'pages/daily-checks/index',
      dailyCheckDetail: 'pages/daily-check-detail/index',
      /** 待审核企业: confirm with a grade, or reject with a reason. */
      enterpriseReviews: 'pages/enterprise-reviews/index',
      /** 待审核资质: view the papers, verify or reject. */
      credentialReviews: 'pages/credential-reviews/index',
      /** 批量导入企业: the .xlsx template, the upload, and the per-row report. */
      enterpriseImport: 'pages/enterprise-import/index',
      /** A business's roster with credential states (?enterpriseId=). */
      staff: 'pages/staff/index',
      /** 人员配备率: director and officer appointment rates of the caller's region's children (?regionCode=). */
      appointmentRates: 'pages/appointment-rates/index',
      /** 整改通知 of the region, by status; ?enterpriseId= for one business. Overdue ones marked. */
      rectifications: 'pages/rectifications/index',
      /** One order (?id=): history with photos; 验收通过 / 退回整改 once the business answered. */
      rectificationDetail: 'pages/rectification-detail/index',
      /** 下发整改 (?enterpriseId=, optional ?sourceType=&sourceId= of the record it comes from). */
      rectificationCreate: 'pages/rectification-create/index',
      /** 数据看板: the region's indicators, ranking of its divisions (businesses below a village), trend (?regionCode=). */
      dashboard: 'pages/dashboard/index',
      /** 企业名录: search and filter the region's businesses with their 7-day 日管控 state; 导出Excel. */
      directory: 'pages/directory/index',
      /** One business for officials (?id=): profile, roster, this month's calendar, records, rectification orders. */
      enterprise: 'pages/enterprise/index',
      /** A record laid out for A4 printing (?type=daily_check|weekly_investigation|monthly_review&id=). */
      recordPrint: 'pages/record-print/index',
      /** A business's 周排查 report (?id=): the report, 打印, 审阅 / 退回 / 标记有问题, 下发整改. */
      weeklyInvestigationDetail: 'pages/weekly-investigation-detail/index',
      /** A business's 月调度 minutes (?id=): the minutes, 打印, 审阅 / 退回 / 标记有问题, 下发整改. */
      monthlyReviewDetail: 'pages/monthly-review-detail/index',
      /** 包保干部: the region's cadres (filters level / name or phone), 新增干部 (initial password shown once), 停用. */
      cadres: 'pages/cadres/index',
      /** 分配包保 of one cadre (?cadreId=): their businesses, choosing more (search, multi-select), refusals with reasons; .xlsx import. */
      cadreAssign: 'pages/cadre-assign/index',
      /** 未落实包保: graded businesses without a cadre, and the coverage rate. */
      coverageGaps: 'pages/coverage-gaps/index',
      /** 督导统计 (?regionCode=): coverage, completion, commitment upload, rectification; children; 提醒名单. */
      supervisionStats: 'pages/supervision-stats/index',
      /** 包保设置: visit frequency per grade (admin), grade → level overrides of the region. */
      supervisionSettings: 'pages/supervision-settings/index',
      /** 投诉举报 of the region (filters status / kind / overdue / mine; ?enterpriseId=); 导出Excel. */
      complaints: 'pages/complaints/index',
      /** One complaint or report (?id=): content, photos, deadlines, history; 办理, 答复, 查看身份 (handler), 下发整改. */
      complaintDetail: 'pages/complaint-detail/index',
      /** 工作日历 (?year=): holidays and make-up workdays the statutory deadlines count with; admins edit. */
      workingCalendar: 'pages/working-calendar/index',
    },
  },
  /** 包保干部: my businesses, supervision visits, the commitment letter. */
  cadre: {
    root: 'packages/cadre',
    pages: {
      /** 包保首页: my businesses with their state, this cycle's progress, the end-of-cycle reminder. */
      home: 'pages/home/index',
      /** 督导检查 of one business (?enterpriseId=&enterpriseName=). */
      visit: 'pages/visit/index',
      /** 督导记录 (?id=): answers, problems, photos, location, the rectification order raised. */
      visitDetail: 'pages/visit-detail/index',
      /** 承诺书: the letter, 签署 or 上传扫描件, the versions. */
      commitment: 'pages/commitment/index',
    },
  },
  /** No login: a business's 公示牌 page, 投诉举报, 进度查询. */
  public: {
    root: 'packages/public',
    pages: {
      /** A business's public page (?id=, from the QR code on its 公示牌): staff, 30-day 日管控, open orders, 投诉举报. */
      enterprise: 'pages/enterprise/index',
      /** 投诉举报 form (?enterpriseId= prefilled from the public page); after submitting, the receipt with the tracking number and the query code, shown this once. */
      complaint: 'pages/complaint/index',
      /** 进度查询 (?trackingNo=): tracking number + query code → status and replies. */
      complaintStatus: 'pages/complaint-status/index',
    },
  },
  /** No login: a business signs itself up; an invitee joins with a code. */
  onboarding: {
    root: 'packages/onboarding',
    pages: {
      register: 'pages/register/index',
      /** 加入企业 (?code= from a link or a scanned QR). */
      join: 'pages/join/index',
    },
  },
} as const;

type Subpackages = typeof SUBPACKAGES;
export type SubpackageName = keyof Subpackages;
export type RouteName =
  | keyof typeof MAIN_PAGES
  | { [P in SubpackageName]: `${P}.${Extract<keyof Subpackages[P]['pages'], string>}` }[SubpackageName];

/** Page path without leading slash, e.g. 'packages/enterprise/pages/home/index'. */
export function routePath(name: RouteName): string {
  const dot = name.indexOf('.');
  if (dot < 0) return MAIN_PAGES[name as keyof typeof MAIN_PAGES];
  const pkg = name.slice(0, dot) as SubpackageName;
  const page = name.slice(dot + 1);
  const sub = SUBPACKAGES[pkg];
  return `${sub.root}/${(sub.pages as Record<string, string>)[page]}`;
}

/** Absolute page URL with an optional query, for Taro.navigateTo and friends. */
export function routeUrl(name: RouteName, query?: Record<string, string | number | undefined>): string {
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `/${routePath(name)}${qs ? `?${qs}` : ''}`;
}

/** For app.config.ts. */
export function appPages(): string[] {
  return Object.values(MAIN_PAGES);
}

export function appSubPackages(): Array<{ root: string; pages: string[] }> {
  return Object.values(SUBPACKAGES).map((s) => ({ root: s.root, pages: Object.values(s.pages) as string[] }));
}

/** Download the role subpackages while the user is on the login / entry page. */
export function appPreloadRule(): Record<string, { network: 'all' | 'wifi'; packages: string[] }> {
  const roles = [SUBPACKAGES.enterprise.root, SUBPACKAGES.official.root, SUBPACKAGES.cadre.root];
  return {
    [MAIN_PAGES.home]: { network: 'all', packages: roles },
    [MAIN_PAGES.login]: { network: 'all', packages: roles },
  };
}
