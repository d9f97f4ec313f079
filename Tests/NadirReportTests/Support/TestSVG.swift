import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses SVG with Foundation's XMLParser (libxml2 on Linux): well-formedness plus every element's attributes.
final class TestSVG: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private(set) var text = ""

    /// nil when the document is not well-formed XML.
    static func parse(_ svg: String) -> TestSVG? {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = TestSVG()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(Element(name: elementName, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    /// Elements whose `class` attribute is `cls`.
    func elements(class cls: String) -> [Element] { elements.filter { $0.attributes["class"] == cls } }
}

extension TestSVG.Element {
    func double(_ name: String) -> Double? { attributes[name].flatMap(Double.init) }
}
