import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import {
  addDays,
  rectificationDeadlineProblem,
  SUPERVISION_ANSWER_LABELS,
  SUPERVISION_ANSWERS,
  SUPERVISION_CHECKLIST,
  SUPERVISION_LIMITS,
  todayInShanghai,
  type SupervisionAnswer,
  type VisitLocation,
} from '@shian/shared';
import { api, errorLines } from '../../../../api';
import { FormFooter } from '../../../../components/FormFooter';
import { PageContainer } from '../../../../components/PageContainer';
import { RectificationDeadlinePicker } from '../../../../components/RectificationViews';
import { PhotoPicker, photosSettled, uploadedFileIds, type PickedPhoto } from '../../../../components/PhotoPicker';
import { useToast } from '../../../../hooks/useToast';
import { formatBusinessDate } from '../../../../platform/format';
import { queryText, redirectTo } from '../../../../platform/nav';
import { uuidV4 } from '../../../../platform/uuid';
import '../../cadre.css';

const DEFAULT_DEADLINE_DAYS = 7;

type Answers = Record<string, { answer?: SupervisionAnswer; note: string }>;
type LocationState = { status: 'locating' } | { status: 'done'; location: VisitLocation } | { status: 'failed' };

/** What stops the visit from being sent, in Chinese; empty when it may go. */
function visitProblems(answers: Answers, problems: string[], deadline: string, today: string, photos: PickedPhoto[]): string[] {
  const out: string[] = [];
  const unanswered = SUPERVISION_CHECKLIST.filter((i) => !answers[i.key]?.answer).length;
  if (unanswered) out.push(`还有 ${unanswered} 项检查内容未选择`);
  const noNote = SUPERVISION_CHECKLIST.filter((i) => answers[i.key]?.answer === 'no' && !answers[i.key].note.trim()).length;
  if (noNote) out.push(`有 ${noNote} 项「不符合」未填写情况说明`);
  if (problems.some((p) => !p.trim())) out.push('请填写发现的问题，或删除空白的问题');
  if (!photosSettled(photos)) out.push('照片尚未上传完成，请稍候或删除上传失败的照片');
  if (problems.length > 0) {
    const d = rectificationDeadlineProblem(deadline, today);
    if (d) out.push(d);
    if (photosSettled(photos) && uploadedFileIds(photos).length === 0) out.push('发现问题时请至少上传 1 张现场照片');
  }
  return out;
}

/**
 * 督导检查 of one business (?enterpriseId=&enterpriseName=): each checklist item 符合 / 不符合 /
 * 不适用 (a note for 不符合), what was seen, the problems found (they become a rectification order
 * with the deadline), photos and the device's location (never required: on H5 it may fail).
 */
export default function CadreVisitPage() {
  const params = useRouter().params;
  const { showToast } = useToast();
  const today = todayInShanghai();
  const enterpriseId = params.enterpriseId ?? '';
  const enterpriseName = queryText(params.enterpriseName);
  const [answers, setAnswers] = useState<Answers>({});
  const [observations, setObservations] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [deadline, setDeadline] = useState(addDays(today, DEFAULT_DEADLINE_DAYS));
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [location, setLocation] = useState<LocationState>({ status: 'locating' });
  const [errors, setErrors] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  // One key for this visit until it is stored: pressing again after a lost answer records it once.
  const key = useRef(uuidV4());

  function locate() {
    setLocation({ status: 'locating' });
    Taro.getLocation({ type: 'gcj02' })
      .then((r) => setLocation({ status: 'done', location: { latitude: r.latitude, longitude: r.longitude, accuracy: r.accuracy ?? null } }))
      .catch(() => setLocation({ status: 'failed' }));
  }
  useEffect(locate, []);

  function setAnswer(k: string, answer: SupervisionAnswer) {
    setAnswers((a) => ({ ...a, [k]: { answer, note: a[k]?.note ?? '' } }));
    setErrors([]);
  }

  async function submit() {
    if (sending) return;
    const found = visitProblems(answers, problems, deadline, today, photos);
    setErrors(found);
    if (found.length) return;
    setSending(true);
    try {
      const visit = await api.supervision.visits.create(
        {
          enterpriseId,
          answers: SUPERVISION_CHECKLIST.map((i) => ({ key: i.key, answer: answers[i.key].answer!, note: answers[i.key].answer === 'no' ? answers[i.key].note.trim() : null })),
          observations: observations.trim() || null,
          problems: problems.map((p) => p.trim()),
          rectificationDeadline: problems.length ? deadline : null,
          photoIds: uploadedFileIds(photos),
          location: location.status === 'done' ? location.location : null,
        },
        key.current,
      );
      showToast(visit.rectificationOrderId ? '督导记录已提交，已下发整改通知' : '督导记录已提交', 'success');
      redirectTo('cadre.visitDetail', { id: visit.id });
    } catch (e) {
      setErrors(errorLines(e));
    } finally {
      setSending(false);
    }
  }

  if (!enterpriseId) return <PageContainer error="请从包保首页选择要督导的企业" />;
  return (
    <PageContainer>
      <View className="card">
        <View className="card__title">{enterpriseName || '督导检查'}</View>
        <View className="muted">{`督导日期：${formatBusinessDate(today)}`}</View>
      </View>

      <View className="section-title">{`检查内容（${SUPERVISION_CHECKLIST.length} 项）`}</View>
      <View className="card">
        {SUPERVISION_CHECKLIST.map((item, n) => {
          const a = answers[item.key];
          return (
            <View key={item.key} className="cad-item">
              <View className="cad-item__text">{`${n + 1}. ${item.text}`}</View>
              <View className="cad-item__hint">{item.hint}</View>
              <View className="cad-answers">
                {SUPERVISION_ANSWERS.map((ans) => (
                  <View key={ans} className={`cad-answer${a?.answer === ans ? ` cad-answer--${ans}` : ''}`} onClick={() => !sending && setAnswer(item.key, ans)}>
                    {SUPERVISION_ANSWER_LABELS[ans]}
                  </View>
                ))}
              </View>
              {a?.answer === 'no' ? (
                <View className="cad-note">
                  <TextArea
                    value={a.note}
                    placeholder="请说明不符合的情况"
                    maxLength={SUPERVISION_LIMITS.noteMaxLength}
                    rows={2}
                    autoSize
                    disabled={sending}
                    onChange={(v) => {
                      setAnswers((all) => ({ ...all, [item.key]: { ...all[item.key], note: v } }));
                      setErrors([]);
                    }}
                  />
                </View>
              ) : null}
            </View>
          );
        })}
      </View>

      <View className="section-title">现场情况</View>
      <View className="card">
        <TextArea
          value={observations}
          placeholder="请填写现场看到的情况（选填）"
          maxLength={SUPERVISION_LIMITS.observationsMaxLength}
          rows={3}
          autoSize
          disabled={sending}
          onChange={setObservations}
        />
      </View>

      <View className="section-title">{`发现问题（${problems.length}）`}</View>
      {problems.length === 0 ? <View className="card muted">未发现问题。发现问题时请逐条添加，提交后将向企业下发整改通知。</View> : null}
      {problems.map((p, i) => (
        <View key={i} className="card">
          <View className="row row--between">
            <View className="cad-item__text">{`问题 ${i + 1}`}</View>
            <View className="link" onClick={() => !sending && setProblems(problems.filter((_, j) => j !== i))}>
              删除
            </View>
          </View>
          <TextArea
            value={p}
            placeholder="请描述发现的问题和整改要求"
            maxLength={SUPERVISION_LIMITS.problemMaxLength}
            rows={2}
            autoSize
            disabled={sending}
            onChange={(v) => {
              setProblems(problems.map((x, j) => (j === i ? v : x)));
              setErrors([]);
            }}
          />
        </View>
      ))}
      {problems.length < SUPERVISION_LIMITS.maxProblems ? (
        <Button block fill="dashed" disabled={sending} onClick={() => setProblems([...problems, ''])}>
          + 添加问题
        </Button>
      ) : null}
      {problems.length > 0 ? (
        <>
          <RectificationDeadlinePicker value={deadline} today={today} onChange={setDeadline} />
        </>
      ) : null}

      <View className="section-title">{`现场照片（${problems.length ? '至少 1 张，' : ''}最多 ${SUPERVISION_LIMITS.maxPhotos} 张）`}</View>
      <View className="card">
        <PhotoPicker
          max={SUPERVISION_LIMITS.maxPhotos}
          enterpriseId={enterpriseId}
          disabled={sending}
          onChange={(p) => {
            setPhotos(p);
            setErrors([]);
          }}
        />
      </View>

      <View className="section-title">位置</View>
      <View className="card cad-location">
        <View className={location.status === 'failed' ? 'muted' : ''}>
          {location.status === 'locating'
            ? '正在获取位置…'
            : location.status === 'done'
              ? `已获取位置${location.location.accuracy ? `（精度约 ${Math.round(location.location.accuracy)} 米）` : ''}`
              : '未获取位置'}
        </View>
        {location.status === 'failed' ? (
          <View className="link" onClick={locate}>
            重新获取
          </View>
        ) : null}
      </View>

      <FormFooter summary={errors} submitting={sending} submitLabel="提交督导记录" onSubmit={() => void submit()} />
    </PageContainer>
  );
}
