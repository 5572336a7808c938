/** Whether a page's body may bring content from elsewhere (facts/includes.ts). */
import * as assert from 'node:assert/strict';
import { importsContent } from '../../../src/core/facts/includes';
import { parseArticle } from '../../../src/core/parse/parse';

const body = (text: string, mdx = false) => importsContent(parseArticle(`---\ntitle: x\n---\n\n${text}\n`, undefined, mdx ? { kind: 'mdx' } : undefined));

describe('content a page brings in from elsewhere (importsContent)', () => {
  it('a Hugo shortcode in Markdown notation, but not one in HTML notation nor a closing tag alone', () => {
    assert.equal(body('{{% include "/_common/parts.md" %}}'), true);
    assert.equal(body('Some text {{% glossary-term "x" %}} in a sentence.'), true);
    assert.equal(body('{{< figure src="x.png" alt="A figure" >}}'), false);
    assert.equal(body('{{< tabs >}}\n\n# Inside\n\n{{< /tabs >}}'), false);
  });

  it('a Liquid include, and an imported MDX component that the body uses', () => {
    assert.equal(body('{% include note.html %}'), true);
    assert.equal(body('{% highlight js %}x{% endhighlight %}'), false);
    assert.equal(body("import Intro from './_intro.mdx';\n\n<Intro />", true), true);
    assert.equal(body("import Intro from './_intro.mdx';\n\nNo use of it.", true), false);
  });

  it('nothing in code', () => {
    assert.equal(body('```\n{{% include "x.md" %}}\n```'), false);
    assert.equal(body('`{{% include "x.md" %}}`'), false);
  });
});
