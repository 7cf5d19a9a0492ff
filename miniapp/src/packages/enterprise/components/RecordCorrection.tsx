// 更正 of a weekly investigation or monthly review: the way in from the record's page, and the
// correction form's answer when the version it was opened for is no longer current.
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

/**
 * Below the current version of a record the business opens: 更正 for whoever signs this kind of
 * record (a returned one also offers it in its banner); nothing on a superseded version.
 */
export function CorrectRecordButton({ record, label, onCorrect }: { record: { isCurrent: boolean }; label: string; onCorrect?: () => void }) {
  if (!record.isCurrent || !onCorrect) return null;
  return (
    <View className="actions">
      <Button block fill="outline" onClick={onCorrect}>
        {label}
      </Button>
    </View>
  );
}

/** A correction form opened for a version that has been corrected since: only the latest is corrected. */
export function SupersededVersionCard({ onOpenVersions }: { onOpenVersions: () => void }) {
  return (
    <View className="card">
      <View className="error-text">此版本已被更正，请在最新版本上更正</View>
      <View className="actions">
        <Button block type="primary" onClick={onOpenVersions}>
          查看各版本
        </Button>
      </View>
    </View>
  );
}
