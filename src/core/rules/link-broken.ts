import { closestTargets } from '../site/suggest';
import { defineSiteRule } from './rule';

/** An internal link to nothing: a missing file, a route no article has, a heading that is not there. */
export default defineSiteRule({
  id: 'link-broken',
  defaultSeverity: 'warning',
  fixable: 'quick-fix',
  description:
    'An internal link leads nowhere: a missing Markdown file, a route that no article nor public file has, a `#fragment` that no heading of the target has, a Hugo `ref` or Jekyll `post_url`/`link` to no file.',
  defaultOptions: {},
  optionSpecs: {},
  async check(context) {
    const { article, site } = context;
    for (const plan of site.plansOf(article)) {
      if (plan.kind === 'external') continue;
      const resolution = await site.resolve(article, plan, context.fs);
      if (resolution.status === 'ok' || resolution.status === 'external') continue;
      const { link } = plan;
      const target = link.target.length > 80 ? `${link.target.slice(0, 77)}…` : link.target;
      const message =
        resolution.status === 'no-anchor'
          ? plan.kind === 'self'
            ? `No heading here has the anchor #${resolution.fragment}.`
            : `${context.displayPath(resolution.target.path)} has no heading with the anchor #${resolution.fragment}.`
          : `Broken link to ${target}: ${resolution.reason}.`;
      context.report({ range: link.range, message, ...(context.withFixes ? { fixes: closestTargets(site, article, plan, resolution) } : {}) });
    }
  },
});
