/**
 * The closest existing targets for a broken link, as replacements of the link's target written in
 * the form the link already uses: a relative file path, a route, a post name, a `#fragment`.
 */
import { distance } from 'fastest-levenshtein';
import { dirname, relativePosix } from '../text/paths';
import type { Fix } from '../types';
import type { SiteArticle } from './entry';
import type { LinkPlan, Resolution, SiteModel } from './model';

const MAX_SUGGESTIONS = 3;

function fragmentPart(target: string): string {
  const hash = target.indexOf('#');
  return hash === -1 ? '' : target.slice(hash);
}

function pathPart(target: string): string {
  const hash = target.indexOf('#');
  return hash === -1 ? target : target.slice(0, hash);
}

/** How a link to `candidate` is written in the same form as `plan`'s link. */
export function linkFormFor(source: SiteArticle, plan: LinkPlan, candidate: SiteArticle): string | undefined {
  const written = pathPart(plan.link.target.trim());
  if (plan.postName !== undefined) return candidate.path.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
  if (plan.link.kind === 'link') return candidate.relativePath;
  if (plan.link.kind === 'ref' || plan.link.kind === 'relref') {
    const relative = relativePosix(dirname(source.path), candidate.path);
    return relative.startsWith('../') ? `/${candidate.relativePath.replace(/^content\//, '')}` : relative;
  }
  if (written.startsWith('/') || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(written)) {
    if (candidate.url === undefined) return undefined;
    if (written.startsWith('/')) return /\.(md|mdx)$/i.test(written) ? `/${candidate.relativePath}` : candidate.url;
    const base = written.replace(/^((?:[a-z][a-z0-9+.-]*:)?\/\/[^/]*).*$/i, '$1');
    return base + candidate.url;
  }
  const relative = relativePosix(dirname(source.path), candidate.path);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Up to three fixes: the closest headings for a missing anchor, else the closest articles. */
export function closestTargets(site: SiteModel, source: SiteArticle, plan: LinkPlan, resolution: Resolution): Fix[] {
  const range = plan.link.targetRange;
  if (!range) return [];
  const written = plan.link.target.trim();
  const edit = (newText: string): Fix => ({
    title: `Change the link to ${newText}`,
    edits: [{ start: range.start, end: range.end, newText }],
    safe: false,
  });
  if (resolution.status === 'no-anchor') {
    const wanted = resolution.fragment.toLowerCase();
    return rank(resolution.target.anchors.map((anchor) => anchor.id), wanted).map((id) => edit(`${pathPart(written)}#${id}`));
  }
  if (resolution.status !== 'missing' || plan.escapes) return [];
  const wanted = pathPart(written);
  const forms = new Map<string, string>();
  for (const candidate of site.articlesOf(source.root)) {
    if (candidate.path === source.path) continue;
    const form = linkFormFor(source, plan, candidate);
    if (form !== undefined) forms.set(form, form);
  }
  const fragment = fragmentPart(written);
  return rank([...forms.keys()], wanted).map((form) => edit(form + fragment));
}

function rank(candidates: readonly string[], wanted: string): string[] {
  return candidates
    .map((candidate) => ({ candidate, score: distance(candidate.toLowerCase(), wanted.toLowerCase()) }))
    .sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.candidate);
}
