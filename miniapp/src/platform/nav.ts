import Taro from '@tarojs/taro';
import { Role, isEnterpriseRole } from '@shian/shared';
import { routeUrl, type RouteName } from '../routes';

type Query = Record<string, string | number | undefined>;

// Navigation never throws to the caller: a failed navigation is logged and ignored.
function swallow(p: Promise<unknown> | void): void {
  if (p && typeof (p as Promise<unknown>).catch === 'function') {
    (p as Promise<unknown>).catch((e: unknown) => console.warn('navigation failed', e));
  }
}

export function navigateTo(name: RouteName, query?: Query): void {
  swallow(Taro.navigateTo({ url: routeUrl(name, query) }));
}

export function redirectTo(name: RouteName, query?: Query): void {
  swallow(Taro.redirectTo({ url: routeUrl(name, query) }));
}

/** Clear the page stack and open a page (login, role home). */
export function reLaunch(name: RouteName, query?: Query): void {
  swallow(Taro.reLaunch({ url: routeUrl(name, query) }));
}

export function navigateBackOr(name: RouteName): void {
  const pages = Taro.getCurrentPages();
  if (pages.length > 1) swallow(Taro.navigateBack());
  else reLaunch(name);
}

/** The home page of a role: enterprise roles → enterprise home, cadres → 包保首页, other officials → daily-check list. */
export function homeRouteOf(role: Role): RouteName {
  if (role === Role.Cadre) return 'cadre.home';
  return isEnterpriseRole(role) ? 'enterprise.home' : 'official.dailyChecks';
}

export { queryText } from './query';
