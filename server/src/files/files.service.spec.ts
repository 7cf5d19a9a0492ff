import { Logger } from '@nestjs/common';
import { Role } from '@shian/shared';
import type { DataSource } from 'typeorm';
import type { Caller } from '../common/caller';
import type { AppConfig } from '../config/config';
import { Enterprise } from '../enterprises/enterprise.entity';
import { EvidenceFile } from './evidence-file.entity';
import { cleanOriginalName, FilesService } from './files.service';
import type { StorageService } from './storage/storage';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const officer: Caller = { id: 'u1', name: '李安全', role: Role.Officer, enterpriseId: 'e1', regionCode: null, cadreLevel: null };

function setup(insert: jest.Mock = jest.fn().mockResolvedValue(undefined)) {
  const order: string[] = [];
  const storage: StorageService = { kind: 'local', put: jest.fn(async () => void order.push('put')), get: jest.fn() };
  const repos = {
    [Enterprise.name]: { findOne: jest.fn().mockResolvedValue({ id: 'e1', regionCode: '150102001001' }) },
    [EvidenceFile.name]: { insert: jest.fn(async (row: EvidenceFile) => { order.push('insert'); return insert(row); }) },
  };
  const ds = { getRepository: (e: { name: string }) => repos[e.name as keyof typeof repos] } as unknown as DataSource;
  const service = new FilesService(ds, storage, { uploadMaxBytes: 1024 } as AppConfig);
  return { service, storage, order, repos };
}

describe('FilesService.upload', () => {
  it('stores the content first, then writes the row with the sniffed type and hash', async () => {
    const { service, order, storage, repos } = setup();
    const dto = await service.upload(officer, { content: PNG, kind: undefined, filename: 'a.jpg' }, new Date('2026-12-31T16:30:00Z'));
    expect(order).toEqual(['put', 'insert']);
    // 16:30 UTC on Dec 31 is already January in Shanghai.
    expect(storage.put).toHaveBeenCalledWith(`2027/01/${dto.id}`, PNG, 'image/png');
    expect(repos.EvidenceFile.insert).toHaveBeenCalledWith(expect.objectContaining({ regionCode: '150102001001', kind: 'photo', mime: 'image/png', sizeBytes: PNG.length, uploadedBy: 'u1' }));
    expect(dto).toEqual(expect.objectContaining({ mime: 'image/png', size: PNG.length, originalName: 'a.jpg', url: `/api/files/${dto.id}` }));
  });

  it('a failed insert is reported (without content) and rethrown; nothing was written before the store', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const { service } = setup(jest.fn().mockRejectedValue(new Error('db down')));
      await expect(service.upload(officer, { content: PNG, kind: 'photo', filename: undefined })).rejects.toThrow('db down');
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ msg: 'file stored but its row was not written', error: 'db down' }));
      expect(JSON.stringify(warn.mock.calls)).not.toContain(PNG.toString('base64'));
    } finally {
      warn.mockRestore();
    }
  });

  it('a store failure writes no row', async () => {
    const { service, storage, repos } = setup();
    (storage.put as jest.Mock).mockRejectedValueOnce(new Error('disk full'));
    await expect(service.upload(officer, { content: PNG, kind: 'photo', filename: undefined })).rejects.toThrow('disk full');
    expect(repos.EvidenceFile.insert).not.toHaveBeenCalled();
  });

  it('officials and users without an enterprise may not upload', async () => {
    const { service, storage } = setup();
    await expect(service.upload({ ...officer, role: Role.Regulator, enterpriseId: null, regionCode: '150102' }, { content: PNG, kind: 'photo', filename: undefined })).rejects.toMatchObject({ status: 403 });
    await expect(service.upload({ ...officer, enterpriseId: null }, { content: PNG, kind: 'photo', filename: undefined })).rejects.toMatchObject({ status: 403 });
    expect(storage.put).not.toHaveBeenCalled();
  });
});

describe('cleanOriginalName', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['   ', null],
    ['  照片 1.jpg ', '照片 1.jpg'],
    ['C:\\fakepath\\a.png', 'a.png'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b\nc.jpg', 'abc.jpg'],
    ['dir/', null],
  ])('%j → %j', (raw, expected) => {
    expect(cleanOriginalName(raw)).toBe(expected);
  });

  it('keeps at most 255 characters', () => {
    expect(cleanOriginalName('食'.repeat(300))).toHaveLength(255);
  });
});
