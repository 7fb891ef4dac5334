package health.cms.delivery.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML feed written with the JDK's StAX writer, so that escaping is the writer's job: text and
 * attribute values go in as they are, and only characters XML 1.0 cannot hold at all are dropped.
 * Each top-level child starts a new line, as readers of a raw feed expect.
 */
final class XmlDocument {

    /** Control characters that no XML 1.0 document may contain, escaped or not. */
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");
    // The JDK's own implementation, whatever StAX provider a dependency brings: its output is what the tests pin.
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    /** Writes elements; a checked StAX failure cannot happen on an in-memory stream. */
    @FunctionalInterface
    interface Body {

        void write(XmlDocument xml) throws XMLStreamException;
    }

    private final XMLStreamWriter writer;

    private XmlDocument(XMLStreamWriter writer) {
        this.writer = writer;
    }

    /** A document whose root element is {@code root} in the default namespace {@code namespace}. */
    static byte[] write(String encodingLabel, String root, String namespace, Body body) {
        return write(encodingLabel, root, namespace, Map.of(), body);
    }

    /** As {@link #write(String, String, String, Body)}, the root's content in language {@code lang} ({@code xml:lang}). */
    static byte[] write(String encodingLabel, String root, String namespace, String lang, Body body) {
        return write(encodingLabel, root, namespace, Map.of(), lang, body);
    }

    /** As {@link #write(String, String, String, Body)}, declaring these prefixed namespaces on the root too. */
    static byte[] write(String encodingLabel, String root, String namespace, Map<String, String> prefixes, Body body) {
        return write(encodingLabel, root, namespace, prefixes, null, body);
    }

    private static byte[] write(String encodingLabel, String root, String namespace, Map<String, String> prefixes,
            String lang, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(encodingLabel, "1.0");
            writer.writeCharacters("\n");
            writer.writeStartElement(root);
            writer.writeDefaultNamespace(namespace);
            for (Map.Entry<String, String> prefix : new TreeMap<>(prefixes).entrySet()) {
                writer.setPrefix(prefix.getKey(), prefix.getValue());
                writer.writeNamespace(prefix.getKey(), prefix.getValue());
            }
            if (lang != null) {
                writer.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", lang);
            }
            writer.writeCharacters("\n");
            body.write(new XmlDocument(writer));
            writer.writeEndElement();
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    XmlDocument start(String name) throws XMLStreamException {
        writer.writeStartElement(name);
        return this;
    }

    XmlDocument end() throws XMLStreamException {
        writer.writeEndElement();
        return this;
    }

    /** {@code <name>text</name>}; null is written as an empty element. */
    XmlDocument element(String name, String text) throws XMLStreamException {
        writer.writeStartElement(name);
        writer.writeCharacters(text == null ? "" : NOT_XML.matcher(text).replaceAll(""));
        writer.writeEndElement();
        return this;
    }

    /** {@code <name a="v" .../>} from name and value pairs. */
    XmlDocument empty(String name, String... attributes) throws XMLStreamException {
        writer.writeEmptyElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            writer.writeAttribute(attributes[i], attributes[i + 1] == null
                    ? ""
                    : NOT_XML.matcher(attributes[i + 1]).replaceAll(""));
        }
        return this;
    }

    /** {@code <prefix:name a="v" .../>} in a namespace the root declared. */
    XmlDocument emptyIn(String prefix, String namespace, String name, String... attributes) throws XMLStreamException {
        writer.writeEmptyElement(prefix, name, namespace);
        for (int i = 0; i < attributes.length; i += 2) {
            writer.writeAttribute(attributes[i], NOT_XML.matcher(attributes[i + 1]).replaceAll(""));
        }
        return this;
    }

    XmlDocument newline() throws XMLStreamException {
        writer.writeCharacters("\n");
        return this;
    }
}
