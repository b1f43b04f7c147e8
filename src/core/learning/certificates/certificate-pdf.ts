/** What a certificate document shows. */
export interface CertificateDocument {
  certificateName: string;
  learnerName: string;
  certificationDate: Date;
  expirationDate: Date | null;
  reference: string;
}

/** PDF string literal: Latin-1 only (Helvetica's WinAnsi), with ( ) \ escaped. */
function pdfText(s: string): string {
  const latin = [...s].map((ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) > 255 ? '?' : ch)).join('');
  return `(${latin.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)')})`;
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * A one-page A4 landscape PDF 1.4 certificate, written by hand (no dependency): a catalog, a page
 * tree, one page with a Helvetica text stream, and an exact cross-reference table.
 */
export function renderCertificatePdf(doc: CertificateDocument): Buffer {
  const lines: [number, number, string][] = [
    [28, 420, 'Certificate of Completion'],
    [14, 380, 'This certifies that'],
    [24, 345, doc.learnerName],
    [14, 310, 'has completed every course of'],
    [20, 278, doc.certificateName],
    [12, 220, `Certified on ${day(doc.certificationDate)}`],
    [12, 200, doc.expirationDate ? `Valid until ${day(doc.expirationDate)}` : 'Does not expire'],
    [9, 60, `Reference ${doc.reference}`],
  ];
  const content = [
    '0.2 0.3 0.6 RG 4 w 30 30 782 535 re S',
    ...lines.map(([size, y, text]) => `BT /F1 ${size} Tf 70 ${y} Td ${pdfText(text)} Tj ET`),
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfText(doc.certificateName)} /Producer (learning-admin-server) >>`,
  ];
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
