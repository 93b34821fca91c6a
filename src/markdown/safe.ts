/**
 * The builders for the review comment, the job summary and the reports (builders.ts, `safe`
 * mode): text a pull request's author controls, made inert where GitHub would act on it.
 */
import { markdownBuilders } from './builders';

export const {
  code,
  emphasis,
  heading,
  item,
  link,
  list,
  message,
  paragraph,
  strike,
  strong,
  table,
  text,
} = markdownBuilders('safe');
