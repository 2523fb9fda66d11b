/**
 * The paper round's Word files: 表决票 (one page a ballot), 发放回收登记册 by building, 催告
 * (absentee list and a notice per household) and 计票记录. Pure: each takes what the host read and
 * returns the .docx bytes.
 */
export { ballotsDocx, defaultMarkingRules } from './docx-ballot';
export { registerDocx } from './docx-register';
export { reminderDocx } from './docx-reminder';
export { recordDocx, recordQrPng, recordQrText, reconciliationLines, type RecordSeal } from './docx-record';
