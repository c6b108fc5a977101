// Public API of the rules stage: declarative rules → follow-up tasks, and the KPIs.
export { section, yamlDoc, defaultRulesConfig, rulesConfigOf, type Rule, type RulesConfig } from './config.js';
export { RULE_KINDS, fieldsFor, type RuleKind } from './fields.js';
export { evaluateRules, runRules, type Evaluation, type RunResult, type RuleResult } from './engine.js';
export type { Candidate } from './candidate.js';
export { listTasks, getTask, closeTask, taskHistory, exportTasks, existingKeys, type TaskRow, type TaskFilter, type HistoryRow } from './tasks.js';
export { explain, explainTask, actionLabel, showTs, conditionValues, taskTier } from './explain.js';
export { kpis, type Kpis } from './kpi.js';
