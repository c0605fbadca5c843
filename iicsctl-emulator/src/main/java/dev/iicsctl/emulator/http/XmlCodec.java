package dev.iicsctl.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The v2 XML format: an object is an element named by its {@code @type}, fields are child elements, list items
 * are elements named by their own {@code @type}. Reading is the reverse, with all leaf values as text.
 */
public final class XmlCodec {
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
    private XmlCodec() {}

    /**
     * Parses an XML request body into an object whose {@code @type} is the root element's name.
     *
     * @throws ApiException 400 when the body is not well-formed XML
     */
    public static ObjectNode read(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // No DTDs or external entities: a request body must never make the emulator read files.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
            ObjectNode node = element(root);
            node.put("@type", root.getTagName());
            return node;
        } catch (Exception e) {
            throw new ApiException(400, ErrorCodes.MALFORMED_BODY,
                    "The request body is not well-formed XML; send XML with Content-Type application/xml or JSON.");
        }
    }

    private static ObjectNode element(Element e) {
        ObjectNode node = Json.object();
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element c) {
                if (hasElementChildren(c)) {
                    node.set(c.getTagName(), element(c));
                } else {
                    node.put(c.getTagName(), c.getTextContent().trim());
                }
            }
        }
        return node;
    }

    private static boolean hasElementChildren(Element e) {
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element) {
                return true;
            }
        }
        return false;
    }

    /** Writes {@code node} as an XML document whose root element is {@code root}. */
    public static byte[] write(String root, JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            write(w, root, node);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return out.toByteArray();
    }

    private static void write(XMLStreamWriter w, String name, JsonNode node) throws XMLStreamException {
        if (XML_NAME.matcher(name).matches()) {
            w.writeStartElement(name);
        } else {
            // Keys such as "Session Log File Name" are no element names: keep them as an attribute instead.
            w.writeStartElement("entry");
            w.writeAttribute("key", name);
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                write(w, item.hasNonNull("@type") ? item.get("@type").asText() : "item", item);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("@type") && !field.getValue().isNull()) {
                    write(w, field.getKey(), field.getValue());
                }
            }
        } else {
            w.writeCharacters(node.asText());
        }
        w.writeEndElement();
    }
}
