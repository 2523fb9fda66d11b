import { joinMessages, type Messages } from './join';

/** Every zh-CN string of the app, one chunk (i18n.ts loads the language in use before the first render). */
const files = import.meta.glob<Messages>(['../app/*.zh-CN.json', '../features/*/*.zh-CN.json'], { eager: true, import: 'default' });
export default joinMessages(files);
