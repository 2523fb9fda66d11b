/**
 * A custom XML data part in a Word file: how a seal (the minutes', a count record's) travels inside
 * the .docx. The part is related from the main document and declared in the content types, so Word
 * keeps it when the file is opened and saved again.
 */
import JSZip from 'jszip';

/** Where the part is kept in the package. */
export const customXmlPartPath = 'customXml/item1.xml';

/**
 * Adds `xml` as the package's custom XML part, under a schema reference to `namespace`;
 * `itemId` is the datastore item's GUID, fixed per kind of seal.
 */
export async function embedCustomXml(docx: Buffer, { xml, namespace, itemId }: { xml: string; namespace: string; itemId: string }): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  zip.file(customXmlPartPath, xml);
  zip.file(
    'customXml/itemProps1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="${itemId}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${namespace}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  zip.file(
    'customXml/_rels/item1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>',
  );
  const relsPath = 'word/_rels/document.xml.rels';
  const rels = await zip.file(relsPath)!.async('string');
  zip.file(
    relsPath,
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdCourtyardSeal" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
    ),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  let patched = types.replace(
    '</Types>',
    '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
  );
  if (!/Default Extension="xml"/.test(patched)) patched = patched.replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>');
  zip.file('[Content_Types].xml', patched);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
