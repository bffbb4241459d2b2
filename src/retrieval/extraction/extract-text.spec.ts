import JSZip from 'jszip';
import { extractText } from './extract-text';
import { ExtractionError } from './extraction.error';

/** A one-page PDF written by hand: Helvetica text, one line per entry, with exact xref offsets. */
function pdfWithLines(lines: string[]): Buffer {
  const escaped = lines.map((line) => `(${line.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj T*`);
  const content = ['BT', '/F1 12 Tf', '72 720 Td', '14 TL', ...escaped, 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The smallest valid .docx: content types, the package relationship, and word/document.xml. */
async function docxWithParagraphs(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" ' +
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
      'Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

function failure(code: ExtractionError['code'], message?: RegExp | string): ExtractionError {
  return expect.objectContaining({
    name: 'ExtractionError',
    code,
    ...(message ? { message: expect.stringMatching(message) } : {}),
  });
}

describe(extractText.name, () => {
  describe('plain text', () => {
    it('should return a text file as is, with normalised line ends and blank lines', async () => {
      const text = 'Title  \r\n\r\n\r\n\r\nFirst paragraph,\r\nsame paragraph.\n\n\n\nSecond\tparagraph.\n\n';
      await expect(extractText(Buffer.from(text), 'notes.txt')).resolves.toBe(
        'Title\n\nFirst paragraph,\nsame paragraph.\n\nSecond\tparagraph.',
      );
    });

    it('should keep markdown syntax and indentation', async () => {
      const markdown = '# Heading\n\n- item one\n    - nested item\n\n```ts\nconst x = 1;\n```\n';
      await expect(extractText(Buffer.from(markdown), 'README.md')).resolves.toBe(markdown.trimEnd());
      await expect(extractText(Buffer.from(markdown), 'guide.markdown')).resolves.toBe(markdown.trimEnd());
    });

    it('should keep csv rows as lines', async () => {
      const csv = 'name,quantity\r\napple,3\r\n"pear, green",5\r\n';
      await expect(extractText(Buffer.from(csv), 'stock.CSV')).resolves.toBe('name,quantity\napple,3\n"pear, green",5');
    });

    it('should decode UTF-8 with a BOM and UTF-16 with a BOM', async () => {
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      await expect(extractText(Buffer.concat([bom, Buffer.from('café ☕')]), 'a.txt')).resolves.toBe('café ☕');
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('naïve text', 'utf16le')]);
      await expect(extractText(utf16, 'b.txt')).resolves.toBe('naïve text');
    });

    it('should reject binary data in a text file', async () => {
      const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]);
      await expect(extractText(binary, 'archive.txt')).rejects.toEqual(failure('invalid_file', /binary data/));
    });

    it('should reject text that is not valid UTF-8', async () => {
      const latin1 = Buffer.from('caf\u00e9 cr\u00e8me', 'latin1');
      await expect(extractText(latin1, 'legacy.md')).rejects.toEqual(failure('invalid_file', /not valid UTF-8/));
    });

    it('should reject a file without text', async () => {
      await expect(extractText(Buffer.from(' \n\n\t \n'), 'blank.txt')).rejects.toEqual(
        failure('invalid_file', 'no text'),
      );
      await expect(extractText(Buffer.alloc(0), 'empty.csv')).rejects.toEqual(failure('invalid_file', 'no text'));
    });
  });

  describe('json', () => {
    it('should pretty-print the parsed value so keys and values are searchable', async () => {
      const json = '{"product":{"name":"Widget","tags":["blue","small"]},"price":9.5}';
      await expect(extractText(Buffer.from(json), 'catalog.json')).resolves.toBe(
        JSON.stringify(JSON.parse(json), null, 2),
      );
    });

    it('should reject invalid JSON', async () => {
      await expect(extractText(Buffer.from('{"unterminated": '), 'broken.json')).rejects.toEqual(
        failure('invalid_file', /not valid JSON/),
      );
    });

    it('should reject JSON without any text', async () => {
      await expect(extractText(Buffer.from('{}'), 'empty.json')).rejects.toEqual(failure('invalid_file', 'no text'));
    });
  });

  describe('html', () => {
    const page = `<!doctype html><html><head><title>Ignored</title><style>p { color: red }</style>
      <script>var secret = 'not text';</script></head><body>
      <h1>Quarterly Report</h1>
      <p>Revenue grew by   <a href="https://example.com/details">twelve percent</a>.<img src="chart.png" alt="chart"></p>
      <p>Costs &amp; margins were stable.<br>Outlook: positive.</p>
      <ul><li>North</li><li>South</li></ul>
      <table><tr><th>Region</th><th>Sales</th></tr><tr><td>North</td><td>120</td></tr></table>
      <noscript>Please enable JavaScript</noscript></body></html>`;

    it('should keep headings, paragraphs, lists and tables, and drop markup, links, images and scripts', async () => {
      const text = await extractText(Buffer.from(page), 'report.html');
      expect(text).toBe(
        [
          'Quarterly Report',
          '',
          'Revenue grew by twelve percent.',
          '',
          'Costs & margins were stable.',
          'Outlook: positive.',
          '',
          ' * North',
          ' * South',
          '',
          'Region   Sales',
          'North    120',
        ].join('\n'),
      );
    });

    it('should read .htm files and honour a declared charset', async () => {
      const latin1 = Buffer.from('<meta charset="iso-8859-1"><p>Cr\u00e8me br\u00fbl\u00e9e</p>', 'latin1');
      await expect(extractText(latin1, 'dessert.HTM')).resolves.toBe('Crème brûlée');
    });

    it('should reject a page without text', async () => {
      await expect(extractText(Buffer.from('<html><body><img src="x.png"></body></html>'), 'i.html')).rejects.toEqual(
        failure('invalid_file', 'no text'),
      );
    });
  });

  describe('pdf', () => {
    it('should extract the text of a PDF', async () => {
      const pdf = pdfWithLines(['Invoice number 4711', 'Total due (EUR): 99.50']);
      await expect(extractText(pdf, 'invoice.pdf')).resolves.toBe('Invoice number 4711\nTotal due (EUR): 99.50');
    });

    it('should reject a corrupt PDF', async () => {
      const corrupt = pdfWithLines(['Hello']).subarray(0, 60);
      await expect(extractText(corrupt, 'broken.pdf')).rejects.toEqual(failure('invalid_file', /not a readable PDF/));
      await expect(extractText(Buffer.from('just some text'), 'fake.pdf')).rejects.toEqual(failure('invalid_file'));
    });
  });

  describe('docx', () => {
    it('should extract the paragraphs of a Word document', async () => {
      const docx = await docxWithParagraphs(['Meeting notes', 'Decision: ship on Friday.']);
      await expect(extractText(docx, 'notes.docx')).resolves.toBe('Meeting notes\n\nDecision: ship on Friday.');
    });

    it('should reject a corrupt Word document', async () => {
      const docx = await docxWithParagraphs(['Hello']);
      await expect(extractText(docx.subarray(0, docx.length / 2), 'broken.docx')).rejects.toEqual(
        failure('invalid_file', /not a readable Word/),
      );
      await expect(extractText(Buffer.from('plain text'), 'fake.docx')).rejects.toEqual(failure('invalid_file'));
    });
  });

  describe('unsupported files', () => {
    it('should reject an unknown extension, naming it', async () => {
      await expect(extractText(Buffer.from('MZ'), 'setup.exe')).rejects.toEqual(
        failure('unsupported_file', /^\.exe files are not supported; supported: \.txt, .*\.docx\.$/),
      );
    });

    it('should reject a file without an extension', async () => {
      await expect(extractText(Buffer.from('hello'), 'Makefile')).rejects.toEqual(
        failure('unsupported_file', /'Makefile' has no file extension/),
      );
    });

    it('should throw ExtractionError instances', async () => {
      await expect(extractText(Buffer.from('x'), 'a.doc')).rejects.toBeInstanceOf(ExtractionError);
    });
  });
});
