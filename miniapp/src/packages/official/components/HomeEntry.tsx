import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './HomeEntry.css';

export type HomeEntryTint = 'purple' | 'orange' | 'red' | 'green' | 'blue';

/**
 * A tile on the officials' home leading to one of their lists: the label with ›, then its figures
 * (or a note). `hook` is the tile's own class, by which tests find it.
 */
export function HomeEntry({ hook, tint, label, onClick, children }: { hook: string; tint: HomeEntryTint; label: string; onClick: () => void; children: ReactNode }) {
  return (
    <View className={`off-entry off-entry--${tint} ${hook}`} onClick={onClick}>
      <View className="off-entry__label">{`${label} ›`}</View>
      <View className="off-entry__figures">{children}</View>
    </View>
  );
}

/** The overdue part of a tile's figures: red once there is any. */
export function LateFigure({ text, late }: { text: string; late: number }) {
  return <View className={`off-entry__late${late > 0 ? ' off-entry__late--some' : ''}`}>{text}</View>;
}
