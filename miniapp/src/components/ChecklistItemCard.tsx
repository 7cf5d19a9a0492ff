import { View, Text } from '@tarojs/components';
import { Button, Radio, RadioGroup, TextArea } from '@nutui/nutui-react-taro';
import { CHECK_RESULT_LABELS, CheckResult, type EnterpriseRiskItem } from '@shian/shared';
import type { AnswerDraft } from '../hooks/useDailyCheckDraft';
import { PhotoPicker, photosSettled, uploadedFileIds, type PickedPhoto } from './PhotoPicker';
import './ChecklistItemCard.css';

const RESULTS: CheckResult[] = [CheckResult.Pass, CheckResult.Fail, CheckResult.NotApplicable];

/** At most this many photos per 不符合 item. */
export const MAX_ITEM_PHOTOS = 3;

export type ItemErrors = Record<string, string[]>;

/**
 * Maps validation problems to the item codes shown: 'items[3].problem' by the answer's position,
 * 'items' (an unanswered item) by the code the message names. Anything else is a general line.
 */
export function problemsByItem(
  problems: Array<{ field: string; message: string }>,
  answerCodes: string[],
  shown: ReadonlySet<string>,
): { byItem: ItemErrors; other: string[] } {
  const byItem: ItemErrors = {};
  const other: string[] = [];
  for (const p of problems) {
    const m = /^items(?:\[(\d+)\]|\.(\d+))/.exec(p.field);
    let code: string | undefined = m ? answerCodes[Number(m[1] ?? m[2])] : undefined;
    let message = p.message;
    if (!code) {
      code = /「([^\s」]+)/.exec(p.message)?.[1];
      if (code && p.field === 'items') message = '请选择检查结果：符合 / 不符合 / 不适用';
    }
    if (code && shown.has(code)) (byItem[code] ??= []).push(message);
    else other.push(p.message);
  }
  return { byItem, other };
}

function sameIds(a: readonly string[] | undefined, b: readonly string[]): boolean {
  const x = a ?? [];
  return x.length === b.length && x.every((v, i) => v === b[i]);
}

export interface ChecklistItemCardProps {
  item: EnterpriseRiskItem;
  answer: AnswerDraft | undefined;
  errors: string[] | undefined;
  disabled: boolean;
  onChange: (patch: Partial<AnswerDraft>) => void;
  /** Whether the item's photos are all uploaded (false while one uploads or has failed). */
  onPhotosSettled?: (settled: boolean) => void;
}

/** One risk-list item to answer: 符合 / 不符合 / 不适用; 不符合 asks problem, measure, fixed on the spot and photos. */
export function ChecklistItemCard(props: ChecklistItemCardProps) {
  const { item, answer, errors, disabled, onChange, onPhotosSettled } = props;
  const code = item.code;
  const failed = answer?.result === CheckResult.Fail;
  const fixed = answer?.fixedOnSpot === undefined ? '' : answer.fixedOnSpot ? 'yes' : 'no';

  function photosChanged(photos: PickedPhoto[]) {
    onPhotosSettled?.(photosSettled(photos));
    const ids = uploadedFileIds(photos);
    if (!sameIds(answer?.photoIds, ids)) onChange({ photoIds: ids });
  }

  return (
    <View className={`dc__item${errors?.length ? ' dc__item--error' : ''}`} id={`item-${code}`}>
      <View className="dc__item-head">
        <Text className="dc__code">{code}</Text>
        <Text className="dc__category">{item.riskType}</Text>
      </View>
      <View className="dc__text">{item.measure}</View>
      <View className="dc__method">{`检查方法：${item.method}`}</View>
      <RadioGroup
        value={answer?.result ?? ''}
        direction="horizontal"
        disabled={disabled}
        onChange={(v) => onChange({ result: String(v) as CheckResult })}
      >
        {RESULTS.map((r) => (
          <Radio key={r} value={r}>
            {CHECK_RESULT_LABELS[r]}
          </Radio>
        ))}
      </RadioGroup>
      {failed ? (
        <View className="dc__fail">
          <View className="dc__fail-label">问题描述</View>
          <TextArea
            value={answer?.problem ?? ''}
            placeholder="请描述发现的问题"
            maxLength={500}
            rows={2}
            autoSize
            disabled={disabled}
            onChange={(v) => onChange({ problem: v })}
          />
          <View className="dc__fail-label">采取的措施</View>
          <TextArea
            value={answer?.measure ?? ''}
            placeholder="请填写采取的整改措施"
            maxLength={500}
            rows={2}
            autoSize
            disabled={disabled}
            onChange={(v) => onChange({ measure: v })}
          />
          <View className="dc__fail-label">是否当场整改</View>
          <RadioGroup
            value={fixed}
            direction="horizontal"
            disabled={disabled}
            onChange={(v) => onChange({ fixedOnSpot: String(v) === 'yes' })}
          >
            <Radio value="yes">已当场整改</Radio>
            <Radio value="no">未当场整改</Radio>
          </RadioGroup>
          <View className="dc__fail-label">{`现场照片（选填，最多 ${MAX_ITEM_PHOTOS} 张）`}</View>
          <View className="dc__photos">
            <PhotoPicker max={MAX_ITEM_PHOTOS} disabled={disabled} initialFileIds={answer?.photoIds} onChange={photosChanged} />
          </View>
        </View>
      ) : null}
      {errors?.map((msg) => (
        <View key={msg} className="error-text">
          {msg}
        </View>
      ))}
    </View>
  );
}

/** The 环节 heading above a group of item cards. */
export function StageHeading({ stage }: { stage: string }) {
  return <View className="dc__stage">{stage}</View>;
}

export interface ChecklistSectionProps {
  /** Items grouped by 环节, in list order. */
  groups: ReadonlyArray<{ stage: string; items: EnterpriseRiskItem[] }>;
  answers: Readonly<Record<string, AnswerDraft | undefined>>;
  itemErrors: ItemErrors;
  /** 「已填写 x/24 项，n 项不符合」 */
  progressText: string;
  disabled: boolean;
  passAllDisabled: boolean;
  onPassAll: () => void;
  onChange: (code: string, patch: Partial<AnswerDraft>) => void;
  onPhotosSettled: (code: string, settled: boolean) => void;
}

/** The answering part of the daily check and the weekly investigation: sticky progress with 全部符合, then the items by stage. */
export function ChecklistSection(props: ChecklistSectionProps) {
  const { groups, answers, itemErrors, disabled } = props;
  return (
    <View>
      <View className="dc__progress">
        <Text className="dc__progress-text">{props.progressText}</Text>
        <Button size="small" type="primary" fill="outline" disabled={props.passAllDisabled} onClick={props.onPassAll}>
          全部符合
        </Button>
      </View>
      {groups.map((group) => (
        <View key={group.stage}>
          <StageHeading stage={group.stage} />
          {group.items.map((item) => (
            <ChecklistItemCard
              key={item.code}
              item={item}
              answer={answers[item.code]}
              errors={itemErrors[item.code]}
              disabled={disabled}
              onChange={(patch) => props.onChange(item.code, patch)}
              onPhotosSettled={(settled) => props.onPhotosSettled(item.code, settled)}
            />
          ))}
        </View>
      ))}
    </View>
  );
}
