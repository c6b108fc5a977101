import type { Messages } from '../i18n.js';

export const messages: Messages = {
  zh: {
    'demo.desc': '生成一套真实感的杂乱演示数据（GBK CSV、UTF-8 CSV、XLSX），并跑完整条流水线',
    'demo.dir': '演示数据目录（默认 ./custops-demo）',
    'demo.people': '演示数据中的真实客户人数',
    'demo.asOf': '演示数据的截止日期（默认今天）',
    'demo.generated': '已生成演示数据：{files}',
    'demo.step': '▶ {step}',
    'demo.done': '完成。数据库：{db}。试试：custops --db {db} status',
  },
  en: {
    'demo.desc': 'generate a realistic messy demo data set (GBK CSV, UTF-8 CSV, XLSX) and run the whole pipeline on it',
    'demo.dir': 'demo folder (default ./custops-demo)',
    'demo.people': 'number of real people behind the demo data',
    'demo.asOf': 'last day of the demo data (default today)',
    'demo.generated': 'demo data written: {files}',
    'demo.step': '▶ {step}',
    'demo.done': 'Done. Store: {db}. Try: custops --db {db} status',
  },
};
