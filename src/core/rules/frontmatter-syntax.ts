import { defineRule } from './rule';

/** YAML syntax errors, an unterminated block, duplicate keys, a non-mapping, an unsupported language. */
export default defineRule({
  id: 'frontmatter-syntax',
  defaultSeverity: 'error',
  description: 'The frontmatter is not a readable YAML mapping (syntax error, unterminated block, duplicate key, unsupported language).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'document',
  check(context) {
    const note = context.analysis.frontmatterNote;
    if (note) context.report({ ...note, severity: 'info' });
    for (const error of context.analysis.frontmatterErrors) {
      context.report({ start: error.start, end: Math.max(error.end, error.start), message: error.message });
    }
  },
});
