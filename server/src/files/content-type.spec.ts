import { ACCEPTED_MIMES, sniffMime } from './content-type';

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');

describe('sniffMime', () => {
  it.each([
    ['ffd8ffe000104a464946', 'image/jpeg'],
    ['ffd8ffdb', 'image/jpeg'],
    ['89504e470d0a1a0a0000000d49484452', 'image/png'],
    ['52494646 24000000 57454250 5650384c', 'image/webp'],
    ['255044462d312e340a', 'application/pdf'],
  ])('%s → %s', (bytes, mime) => {
    expect(sniffMime(hex(bytes))).toBe(mime);
  });

  it.each([
    ['empty', ''],
    ['text', Buffer.from('hello world').toString('hex')],
    ['truncated PNG signature', '89504e470d0a1a'],
    ['RIFF that is not WebP (WAV)', '52494646 24000000 57415645'],
    ['RIFF too short', '52494646 2400'],
    ['GIF', '474946383961'],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('hex')],
    ['JPEG bytes not at the start', '00ffd8ff'],
  ])('%s → null', (_label, bytes) => {
    expect(sniffMime(hex(bytes))).toBeNull();
  });

  it('PDF only for documents and credentials', () => {
    expect(ACCEPTED_MIMES.photo).not.toContain('application/pdf');
    expect(ACCEPTED_MIMES.signature).not.toContain('application/pdf');
    expect(ACCEPTED_MIMES.document).toContain('application/pdf');
    expect(ACCEPTED_MIMES.credential).toContain('application/pdf');
  });
});
