// The 公示牌's QR code (built by the server from shared's PUBLIC_ENTERPRISE_PAGE) must open the page
// the route table registers, or every printed poster leads to a blank page.
import { PUBLIC_COMPLAINT_PAGE, PUBLIC_ENTERPRISE_PAGE, publicEnterpriseUrl } from '@shian/shared';
import { SUBPACKAGES } from '../src/routes';

describe('the public business page behind the 公示牌 QR code', () => {
  it('is the page the route table registers', () => {
    expect(PUBLIC_ENTERPRISE_PAGE).toBe(`${SUBPACKAGES.public.root}/${SUBPACKAGES.public.pages.enterprise}`);
    // And the complaint form the start-up banner prints.
    expect(PUBLIC_COMPLAINT_PAGE).toBe(`${SUBPACKAGES.public.root}/${SUBPACKAGES.public.pages.complaint}`);
  });

  it('is reached through the H5 hash route with the business id', () => {
    expect(publicEnterpriseUrl('https://shian.example.cn', 'a1b2')).toBe('https://shian.example.cn/#/packages/public/pages/enterprise/index?id=a1b2');
  });
});
