import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { navigateTo } from '../../../platform/nav';
import './PrintLink.css';

/** 「打印」 on an official's record page: opens the record's A4 layout. */
export function PrintLink({ type, id }: { type: 'daily_check' | 'weekly_investigation' | 'monthly_review'; id: string }) {
  return (
    <View className="off-print-link">
      <Button size="small" fill="outline" onClick={() => navigateTo('official.recordPrint', { type, id })}>
        打印
      </Button>
    </View>
  );
}
