export { articleText } from './articleText.js';
