/** Whether rendered preview HTML could run script: parsed by a real HTML5 parser (parse5), as a browser would. */
import * as assert from 'node:assert/strict';
import { parseFragment } from 'parse5';

const FORBIDDEN_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'meta', 'base', 'link', 'style', 'svg', 'math', 'form',
  'template', 'noscript', 'input', 'textarea', 'select', 'button', 'video', 'audio', 'source', 'portal', 'isindex', 'keygen', 'marquee',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'cite', 'longdesc', 'ping']);

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string; prefix?: string }>;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

/** Parses the HTML as a browser would and fails on anything that could run script or navigate. */
export function assertInertHtml(html: string): void {
  const walk = (node: HtmlNode) => {
    if (node.tagName) {
      const tag = node.tagName.toLowerCase();
      assert.ok(!FORBIDDEN_ELEMENTS.has(tag), `a <${tag}> element in ${html.slice(0, 300)}`);
      for (const attr of node.attrs ?? []) {
        const name = (attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name).toLowerCase();
        assert.ok(!name.startsWith('on'), `an event handler ${tag}.${name}`);
        assert.ok(!['style', 'srcdoc', 'id', 'name', 'formaction', 'http-equiv'].includes(name), `attribute ${tag}.${name}`);
        if (URL_ATTRIBUTES.has(name)) {
          const compact = attr.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
          const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
          const ok =
            scheme === undefined ||
            ['http', 'https', 'mailto', 'tel', 'vscode-resource', 'vscode-webview-resource'].includes(scheme) ||
            (scheme === 'data' && tag === 'img' && name === 'src' && /^data:image\/(png|jpe?g|gif|webp|avif|bmp|x-icon)[;,]/.test(compact));
          assert.ok(ok, `a ${scheme}: URL in ${tag}.${name}: ${attr.value.slice(0, 80)}`);
        }
      }
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  // parse5 throws on two lone low surrogates in a row (String.fromCodePoint): a lone surrogate can
  // never form markup, so it is parsed as U+FFFD, as the page would show it.
  const wellFormed = html.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  walk(parseFragment(wellFormed) as unknown as HtmlNode);
}

