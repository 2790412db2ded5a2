/**
 * Small Word and PDF files made on the spot, for the tests and the benchmark: a PDF is text (objects, content
 * streams, a cross-reference table of byte offsets), a .docx a zip of XML parts.
 */
import JSZip from 'jszip';

export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

/** A page's text, or an image only (a scan). */
export type PdfPage = { texts: PdfText[] } | { image: true };

export interface PdfOptions {
  info?: Record<string, string>;
  /** A standard security handler whose user password is not empty: pdfjs asks for it. */
  encrypted?: boolean;
}

export function makePdf(pages: PdfPage[], options: PdfOptions = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, once the pages' numbers are known
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageNumbers: number[] = [];
  for (const page of pages) {
    const content =
      'image' in page
        ? 'q 300 0 0 400 150 200 cm /Im1 Do Q'
        : page.texts.map(({ x, y, text, size = 10 }) => `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm (${escapePdf(text)}) Tj ET`).join('\n');
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    const contentRef = objects.length;
    let resources = '<< /Font << /F1 3 0 R >> >>';
    if ('image' in page) {
      const image = '<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>';
      add(`${image}\nstream\n\x80\nendstream`);
      resources = `<< /XObject << /Im1 ${objects.length} 0 R >> >>`;
    }
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources ${resources} /Contents ${contentRef} 0 R >>`);
    pageNumbers.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${pageNumbers.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNumbers.length} >>`;
  let trailer = `/Size ${objects.length + 1 + (options.info ? 1 : 0) + (options.encrypted ? 1 : 0)} /Root 1 0 R`;
  if (options.info) {
    add(
      `<< ${Object.entries(options.info)
        .map(([key, value]) => `/${key} (${escapePdf(value)})`)
        .join(' ')} >>`,
    );
    trailer += ` /Info ${objects.length} 0 R`;
  }
  if (options.encrypted) {
    add(`<< /Filter /Standard /V 1 /R 2 /O <${'5a'.repeat(32)}> /U <${'a5'.repeat(32)}> /P -44 >>`);
    trailer += ` /Encrypt ${objects.length} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`;
  }
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function escapePdf(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** Lines from the top of a column down, at a fixed leading; a blank line is paragraph space, a tab an indent. */
export function column(x: number, top: number, lines: string[], leading = 12): PdfText[] {
  const texts: PdfText[] = [];
  let y = top;
  for (const line of lines) {
    if (line) texts.push({ x: line.startsWith('\t') ? x + 18 : x, y, text: line.trim() });
    y -= leading;
  }
  return texts;
}

/** A UN verbatim record's running header and footer: symbol, date, job number, page number. */
export function recordFurniture(page: number): PdfText[] {
  return [
    { x: 50, y: 750, text: 'A/70/PV.16' },
    { x: 230, y: 750, text: 'General Assembly Seventieth session' },
    { x: 500, y: 750, text: '29/09/2015' },
    { x: 50, y: 40, text: '15-29431' },
    { x: 300, y: 40, text: String(page) },
  ];
}

/**
 * A verbatim record: a page in two columns under a title across both, then a page in one column; `twoColumnPages`
 * more two-column pages between them make it longer (for the benchmark).
 */
export function verbatimRecordPdf(twoColumnPages = 0): Buffer {
  const first = [
    ...recordFurniture(3),
    { x: 50, y: 700, text: 'Statement by the Representative of Testland on Human Rights', size: 12 },
    ...column(50, 670, [
      'The protection of civilians remains at the',
      'heart of our work in this Council. We must',
      'ensure the protec-',
      'tion of a truly human-',
      'centred approach to security.',
      '',
      'Mr. President, my delegation welcomes the',
      'report of the Secretary-General and',
      'thanks the briefers for their work',
    ]),
    ...column(320, 670, [
      'on the ground. We call for restraint.',
      '',
      'Third paragraph in the right column, as',
      'wide as the widest lines on this page go.',
      '\tA fourth, marked by its indent alone',
      'as in the records of the United Nations.',
    ]),
  ];
  const more = Array.from({ length: twoColumnPages }, (_, i) => [
    ...recordFurniture(4 + i),
    ...column(
      50,
      700,
      Array.from({ length: 24 }, (_, line) => `Line ${line + 1} of the left column on page ${4 + i} carries`),
    ),
    ...column(
      320,
      700,
      Array.from({ length: 24 }, (_, line) => `the debate on, line ${line + 1} on the right.`),
    ),
  ]);
  const last = [
    ...recordFurniture(4 + twoColumnPages),
    ...column(50, 700, [
      'The second page is read in a single column that runs across the whole width of the page,',
      'as most statements are printed; its lines are joined again.',
      'A paragraph that follows without space or indent begins after a short last line.',
    ]),
  ];
  return makePdf(
    [first, ...more, last].map((texts) => ({ texts })),
    { info: { Title: 'Testland at the General Assembly', Author: 'Permanent Mission of Testland', CreationDate: 'D:20150929103000Z' } },
  );
}

/**
 * A Word statement: a heading, paragraphs, a table and a footnote, with title, author and date in its properties;
 * `moreParagraphs` paragraphs more make it longer (for the benchmark).
 */
export async function statementDocx(moreParagraphs = 0): Promise<Buffer> {
  const w =
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const paragraph = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${run(text)}</w:p>`;
  const cell = (text: string) => `<w:tc>${paragraph(text)}</w:tc>`;
  const footnoteReference = (id: number) =>
    `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
  const body = [
    paragraph('Statement by Testland on the Peacebuilding Fund', 'Heading1'),
    `<w:p>${run('Mr. President, Testland pledged USD 5 million to the Peacebuilding Fund in 2015.')}${footnoteReference(1)}</w:p>`,
    paragraph('We remain committed to a human-centred approach to sustaining peace.'),
    `<w:tbl><w:tr>${cell('Year')}${cell('Pledge')}</w:tr><w:tr>${cell('2015')}${cell('USD 5 million')}</w:tr></w:tbl>`,
    ...Array.from({ length: moreParagraphs }, (_, i) =>
      paragraph(
        `Paragraph ${i + 1} recalls that the Council has met on this question many times, ` +
          'and that each time it has called on the parties to protect civilians.',
      ),
    ),
    paragraph('I thank you.'),
  ].join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${body}</w:body></w:document>`);
  const footnote = paragraph('Announced at the pledging conference of 29 September 2015.');
  zip.file(
    'word/footnotes.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${w}><w:footnote w:id="1">${footnote}</w:footnote></w:footnotes>`,
  );
  const headingStyle = '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>';
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${w}>${headingStyle}</w:styles>`);
  zip.file(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Testland on the Peacebuilding Fund</dc:title><dc:creator>Jane Drafter</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2015-09-28T09:00:00Z</dcterms:created></cp:coreProperties>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}
