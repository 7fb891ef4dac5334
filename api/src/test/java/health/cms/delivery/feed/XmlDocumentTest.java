package health.cms.delivery.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlDocumentTest {

    private static final String TRICKY = "a < b && c ]]> d \"quoted\" 'single'";

    @Test
    void textAndAttributesComeBackExactlyAsWrittenFromAWellFormedDocument() throws Exception {
        byte[] xml = XmlDocument.write("utf-8", "feed", FeedResource.ATOM_NAMESPACE,
                doc -> doc.element("title", TRICKY).newline().empty("category", "term", TRICKY, "label", null).newline());
        String text = new String(xml, StandardCharsets.UTF_8);
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                + "<title>a &lt; b &amp;&amp; c ]]&gt; d \"quoted\" 'single'</title>\n"
                + "<category term=\"a &lt; b &amp;&amp; c ]]&gt; d &quot;quoted&quot; 'single'\" label=\"\"/>\n</feed>\n",
                text);
        Document parsed = parse(xml);
        assertEquals(FeedResource.ATOM_NAMESPACE, parsed.getDocumentElement().getAttribute("xmlns"));
        assertEquals(TRICKY, parsed.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(TRICKY, ((Element) parsed.getElementsByTagName("category").item(0)).getAttribute("term"));
    }

    @Test
    void controlCharactersThatXmlCannotHoldAreDroppedAndNullIsAnEmptyElement() throws Exception {
        byte[] xml = XmlDocument.write("UTF-8", "urlset", SitemapResource.NAMESPACE,
                doc -> doc.element("loc", "a\u0000b\u0007c\u001Fd\te\nf").element("lastmod", null));
        Document parsed = parse(xml);
        assertEquals("abcd\te\nf", parsed.getElementsByTagName("loc").item(0).getTextContent());
        assertEquals("", parsed.getElementsByTagName("lastmod").item(0).getTextContent());
    }

    private static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
