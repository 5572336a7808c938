/**
 * A page bundle's hero file (Hugo: an image beside `index.md` whose name holds `cover`, `feature` or
 * `thumbnail`), chosen from the names of the files in the article's folder, which the caller lists.
 */
import { basename } from '../text/paths';
import type { SiteProfile } from './profile';

const IMAGE = /\.(png|jpe?g|webp|gif|avif|svg)$/i;

/** `./cover.png` when the article is a bundle's index and a file there names a hero; else undefined. */
export function bundleHeroFile(profile: SiteProfile, filePath: string, siblings: readonly string[]): string | undefined {
  const names = profile.bundleHeroNames;
  if (!names?.length || !/^index\.[^.]+$/i.test(basename(filePath))) return undefined;
  const images = siblings.filter((name) => IMAGE.test(name)).sort();
  for (const wanted of names) {
    const found = images.find((name) => name.toLowerCase().replace(IMAGE, '').includes(wanted));
    if (found) return `./${found}`;
  }
  return undefined;
}
