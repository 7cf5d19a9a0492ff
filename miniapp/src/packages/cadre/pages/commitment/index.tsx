import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Checkbox, Tag } from '@nutui/nutui-react-taro';
import { COMMITMENT_TEXT, todayInShanghai } from '@shian/shared';
import { api, errorLines } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { PhotoPicker, photosSettled, uploadedFileIds, type PickedPhoto } from '../../../../components/PhotoPicker';
import { CredentialFiles } from '../../../../components/CredentialFiles';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { formatShanghaiDateTime } from '../../../../platform/format';
import { uuidV4 } from '../../../../platform/uuid';
import '../../cadre.css';

const MAX_SCANS = 9;

/** 食品安全责任与任务承诺书 of this year: the letter, 签署 in the app or 上传扫描件, and every version. */
export default function CadreCommitmentPage() {
  const { session } = useSession();
  const { showToast } = useToast();
  const year = Number(todayInShanghai().slice(0, 4));
  const list = useAsync(() => api.supervision.commitments.mine(), [], { enabled: !!session });
  const [confirmed, setConfirmed] = useState(false);
  const [scans, setScans] = useState<PickedPhoto[]>([]);
  const [sending, setSending] = useState<'signed' | 'uploaded' | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  // One key per submission until it is stored: pressing again after a lost answer stores it once.
  const key = useRef(uuidV4());
  const [pickerKey, setPickerKey] = useState(0);
  const versions = (list.data ?? []).filter((c) => c.year === year).sort((a, b) => b.version - a.version);

  async function send(method: 'signed' | 'uploaded') {
    if (sending) return;
    const problems: string[] = [];
    if (method === 'signed' && !confirmed) problems.push('请先勾选「本人已阅读并承诺履行」');
    if (method === 'uploaded') {
      if (!photosSettled(scans)) problems.push('扫描件尚未上传完成，请稍候或删除上传失败的文件');
      else if (uploadedFileIds(scans).length === 0) problems.push('请先选择承诺书扫描件');
    }
    setErrors(problems);
    if (problems.length) return;
    setSending(method);
    try {
      await api.supervision.commitments.create(
        method === 'signed' ? { year, method, confirmed: true } : { year, method, fileIds: uploadedFileIds(scans) },
        key.current,
      );
      key.current = uuidV4();
      setConfirmed(false);
      setScans([]);
      setPickerKey((k) => k + 1);
      showToast(method === 'signed' ? '承诺书已签署' : '承诺书扫描件已上传', 'success');
      await list.reload();
    } catch (e) {
      setErrors(errorLines(e));
    } finally {
      setSending(null);
    }
  }

  return (
    <PageContainer loading={list.loading && !list.data} error={list.data ? null : list.error} onRetry={() => void list.reload()}>
      <View className="card">
        <View className="row row--between">
          <View className="card__title">{`${year}年度承诺书`}</View>
          {list.data ? <Tag type={versions.length ? 'success' : 'danger'}>{versions.length ? '已签署' : '未签署'}</Tag> : null}
        </View>
        <View className="cad-letter">{COMMITMENT_TEXT}</View>
      </View>

      <View className="section-title">{versions.length ? '重新签署（将保存为新版本）' : '签署承诺书'}</View>
      <View className="card">
        <Checkbox checked={confirmed} disabled={!!sending} onChange={(v) => setConfirmed(v)} label="本人已阅读并承诺履行" />
        <View className="actions">
          <Button block type="primary" loading={sending === 'signed'} onClick={() => void send('signed')}>
            确认签署
          </Button>
        </View>
      </View>

      <View className="section-title">或上传纸质承诺书扫描件</View>
      <View className="card">
        {/* No business named: the scan is the cadre's own file. */}
        <PhotoPicker key={pickerKey} max={MAX_SCANS} documents kind="document" disabled={!!sending} onChange={setScans} />
        <View className="actions">
          <Button block fill="outline" loading={sending === 'uploaded'} onClick={() => void send('uploaded')}>
            上传扫描件
          </Button>
        </View>
      </View>
      {errors.map((m) => (
        <View key={m} className="error-text">
          {m}
        </View>
      ))}

      <View className="section-title">{`签署记录（${versions.length}）`}</View>
      <View className="card">
        {versions.length === 0 ? <View className="muted">今年尚未签署承诺书</View> : null}
        {versions.map((c) => (
          <View key={c.id} className="cad-version">
            <View className="row row--between">
              <View>{`第 ${c.version} 版 · ${c.method === 'signed' ? '在线签署' : '上传扫描件'}`}</View>
              <View className="muted">{formatShanghaiDateTime(c.submittedAt)}</View>
            </View>
            {c.files.length ? <CredentialFiles files={c.files} /> : null}
          </View>
        ))}
      </View>
    </PageContainer>
  );
}
