import JSZip from 'jszip';

/**
 * Word documents written directly as Office Open XML (no template files): paragraphs in official-document
 * style and tables with merged cells. Fonts: 仿宋 body, sizes in points.
 */
export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function run(text: string, size: number, bold = false): string {
  return `<w:r><w:rPr><w:rFonts w:ascii="FangSong" w:eastAsia="仿宋" w:hAnsi="FangSong"/>${bold ? '<w:b/>' : ''}<w:sz w:val="${size * 2}"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export interface ParagraphOptions {
  align?: 'center' | 'right' | 'both';
  indent?: boolean;
  size?: number;
  bold?: boolean;
  /** Line spacing in twentieths of a point (560 = 28 pt, the official-document grid). */
  line?: number;
}

export function paragraph(text: string, o: ParagraphOptions = {}): string {
  return `<w:p><w:pPr>${o.align ? `<w:jc w:val="${o.align}"/>` : ''}${o.indent ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : ''}<w:spacing w:line="${o.line ?? 560}" w:lineRule="exact"/></w:pPr>${run(text, o.size ?? 16, o.bold)}</w:p>`;
}

export interface TableCell {
  text: string;
  colSpan?: number | undefined;
  rowSpan?: number | undefined;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}

/**
 * A bordered table from rows of cells with spans. Cells covered by a row span from above are written as
 * vertical-merge continuations, which Word needs at their grid positions.
 */
export function table(rows: TableCell[][], size = 10.5): string {
  const width = rows[0]!.reduce((n, c) => n + (c.colSpan ?? 1), 0);
  const covered: Array<Array<{ span: number } | undefined>> = rows.map(() => Array.from({ length: width }, () => undefined));
  const cellXml = (c: TableCell | null, span: number, merge: 'restart' | 'continue' | null) =>
    `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge ? `<w:vMerge${merge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:jc w:val="${c?.align === 'right' ? 'right' : c?.align === 'left' ? 'left' : 'center'}"/><w:spacing w:line="300" w:lineRule="auto"/></w:pPr>${c ? run(c.text, size, c.bold) : ''}</w:p></w:tc>`;
  const out = rows.map((row, r) => {
    let col = 0;
    let xml = '';
    const emitCovered = () => {
      while (col < width && covered[r]![col]) {
        const span = covered[r]![col]!.span;
        xml += cellXml(null, span, 'continue');
        col += span;
      }
    };
    for (const c of row) {
      emitCovered();
      const span = c.colSpan ?? 1;
      const down = c.rowSpan ?? 1;
      for (let k = 1; k < down; k++) covered[r + k] && (covered[r + k]![col] = { span });
      xml += cellXml(c, span, down > 1 ? 'restart' : null);
      col += span;
    }
    emitCovered();
    return `<w:tr>${xml}</w:tr>`;
  });
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders></w:tblPr>` +
    `<w:tblGrid>${Array.from({ length: width }, () => '<w:gridCol/>').join('')}</w:tblGrid>${out.join('')}</w:tbl>`;
}

/** The .docx package around a body: A4 with the official-document margins. */
export async function docxPackage(bodyXml: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}
