// The value of one clause: each evaluative word, phrase or rule with its modifiers, in both languages.
import { EN_EXCESS, ENGLISH_LOSS_REACH, enLoss, enPatternRule, enPraiseAfterToo, opensWideNegation } from './en-rules.js';
import { matchEn, modifyEn } from './en-match.js';
import { EN_NEGATION, isEnWord, isZhWord, signed, surface, type Unit, type Word } from './shared.js';
import type { Clause } from './structure.js';
import {
  almostKuai,
  fastWords,
  followsComplaint,
  frameAt,
  hedgeAfter,
  modalBeforeOpinion,
  praiseHao,
  reframe,
  splitNoun,
  tierName,
  verdictFiller,
  type Frame,
} from './zh-context.js';
import { aspectRule, comparisonRule, reachTriggers, unperceivedRule } from './zh-reach.js';
import { patronageRule, timingRule, zhPatternRule } from './zh-rules.js';
import { degreeZh, fusedNotDone, matchZh, modifyZh, negateZh, startsWithDegree, suffixDegreeZh } from './zh-words.js';

const VERDICT_WEIGHT = 1.6;

/** In a wish or suggestion (希望…, "if only …") praise counts little and a complaint somewhat less. */
function wished(value: number): number {
  return value * (value > 0 ? 0.2 : 0.6);
}

export function scoreClause(clause: Clause, reasons: string[] | undefined, carried = false): { value: number; units: number; opensNegation: boolean } {
  const units = clause.units;
  let wideNegation = carried;
  let sum = 0;
  let count = 0;
  let lastUnitEnd = 0;
  let lastWasNegated = false;
  let aboutSomething = false; // a Chinese content word besides the evaluation: 早餐一般 (aspect) vs 很不错 (verdict)
  let chinese = false;
  let frame: Frame = 'none';
  let lostUntil = -1; // "a waste of a great premise", "ruined a good movie": praise of what was lost
  let i = 0;
  /** Counts a rule's value for the `length` units from i and moves past them. */
  const addSpan = (value: number, length: number): void => {
    sum += value;
    clause.lastValue = value;
    count++;
    reasons?.push(`${surface(units, i, length)}${signed(value)}`);
    i += length;
    lastUnitEnd = i;
    lastWasNegated = false;
  };
  while (i < units.length) {
    const unit = units[i];
    if (unit.kind === 'word' && unit.zh) frame = frameAt(units, i, frame);
    // "never looked back", "never get back": a phrase that holds the negator is not negated by it.
    if (unit.kind === 'word' && !unit.zh && opensWideNegation(units, i) && !((matchEn(units, i)?.length ?? 0) > 1)) wideNegation = true;
    if (unit.kind === 'emoticon') {
      sum += unit.score;
      clause.lastValue = unit.score;
      count++;
      reasons?.push(`${unit.text}${signed(unit.score)}`);
      lastUnitEnd = ++i;
      continue;
    }
    const reach = unit.zh && reachTriggers().has(unit.text) ? (aspectRule(units, i) ?? comparisonRule(units, i) ?? unperceivedRule(units, i)) : undefined;
    if (reach) {
      // 噪音很小, 没有之前的好用, 听不到噪音: what is judged decides the sign of the words after it.
      const value = clause.wish ? wished(reach.value) : reach.value;
      addSpan(frame !== 'none' ? reframe(frame, value) : value, reach.length);
      continue;
    }
    const match = unit.zh ? matchZh(units, i) : matchEn(units, i);
    if (!match) {
      const rule = unit.zh
        ? (patronageRule(units, i, lastUnitEnd) ?? (unit.text === '才' || unit.text === '就' ? timingRule(units, i) : undefined) ?? zhPatternRule(units, i))
        : enPatternRule(units, i);
      if (rule) addSpan(clause.wish ? wished(rule.value) : rule.value, rule.length);
      else {
        if (unit.zh) {
          chinese = true;
          if (!verdictFiller(unit.text)) aboutSomething = true;
        } else aboutSomething = true;
        i++;
      }
      continue;
    }
    if (unit.zh && ((unit.text === '好' && !praiseHao(units, i, lastUnitEnd)) || splitNoun(units, i) || (unit.text === '快' && almostKuai(units, i)) || tierName(units, i))) {
      i++;
      continue;
    }
    // 可以称赞, 值得表扬: the modal before an evaluative verb adds nothing of its own.
    if (match.length === 1 && unit.zh && modalBeforeOpinion.has(unit.text) && isZhWord(units[i + 1]) && matchZh(units, i + 1)) {
      i++;
      continue;
    }
    // 好/真/超 before another evaluative word are degree adverbs (好脏, 真好吃), not praise of their own.
    if (match.length === 1 && unit.zh && degreeZh.get(unit.text) && i + 1 < units.length && isZhWord(units[i + 1]) && matchZh(units, i + 1)) {
      i++;
      continue;
    }
    let base = match.value;
    // "way too sweet", "too soft": too much of a good quality is a complaint (not "too good to be true").
    if (!unit.zh && base > 0 && match.length === 1 && isEnWord(units[i - 1], 'too') && !enPraiseAfterToo.has(unit.text)) base = EN_EXCESS;
    // 耗电快, 折旧太快, 坏得很快: speed of something bad is bad.
    if (unit.zh && base > 0 && fastWords.has(surface(units, i, match.length)) && followsComplaint(units, i, lastUnitEnd)) base = -base;
    let value = unit.zh ? modifyZh(units, i, lastUnitEnd, base, startsWithDegree(unit.text)) : modifyEn(units, i, lastUnitEnd, base);
    // 没睡好, 没弄干净: the segmenter fused the negator with the verb (already counted as something not done).
    if (unit.zh && i > 0 && value > 0 && isZhWord(units[i - 1]) && fusedNotDone((units[i - 1] as Word).text)) value = negateZh(base, 0.85);
    let negatedHere = Math.sign(value) !== Math.sign(base);
    if (!unit.zh && wideNegation && !negatedHere && value > 0) {
      value = -value * EN_NEGATION; // "I don't think we'll be going back", "will never, ever go back"
      negatedHere = true;
    }
    // "不够专业、热情和礼貌", "wasn't helpful or friendly": a negation carries across a coordinated list.
    if (!negatedHere && lastWasNegated && count > 0 && onlyCoordinators(units, lastUnitEnd, i) && match.value > 0) {
      value = unit.zh ? negateZh(value, 0.85) : -value * EN_NEGATION;
    }
    lastWasNegated = Math.sign(value) !== Math.sign(base);
    const after = units[i + match.length];
    const suffix = after && after.kind === 'word' && after.zh ? suffixDegreeZh.get(after.text) : undefined;
    if (suffix !== undefined) value *= suffix;
    else if (unit.zh && value < 0) value *= hedgeAfter(units, i + match.length);
    if (clause.wish) value = wished(value);
    if (unit.zh && frame !== 'none') value = reframe(frame, value);
    if (value > 0 && quotedSpan(units, i, match.length)) value *= -0.5; // 服务很“好”: scare quotes turn praise into irony
    if (!unit.zh && value > 0 && i < lostUntil) value *= -0.5;
    if (!unit.zh && value < 0 && enLoss.has(surface(units, i, match.length))) lostUntil = i + match.length + ENGLISH_LOSS_REACH;
    if (value !== 0) {
      sum += value;
      clause.lastValue = value;
      count++;
      reasons?.push(`${surface(units, i, match.length)}${signed(value)}`);
    }
    i += match.length;
    lastUnitEnd = i;
  }
  // A bare verdict (不错, 总体还是很满意的, 挺好) judges the whole, a clause about something judges a part.
  if (chinese && !aboutSomething && count > 0) sum *= VERDICT_WEIGHT;
  return { value: sum, units: count, opensNegation: wideNegation && count === 0 };
}

const coordinators = new Set(['和', '与', '及', '以及', '或', '或者', '也', '又', '跟', 'and', 'or', 'nor', 'neither']);

function onlyCoordinators(units: Unit[], from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let k = from; k < to; k++) {
    const token = units[k];
    if (token.kind !== 'word' || !coordinators.has(token.text)) return false;
  }
  return true;
}

function quotedSpan(units: Unit[], from: number, length: number): boolean {
  for (let k = from; k < from + length; k++) if ((units[k] as Word).quoted) return true;
  return false;
}
