/// A tiny SVG writer: appends elements with escaped text and numbers rounded to 0.1 px.
struct SVGCanvas {
    private(set) var text = ""
    let width: Double
    let height: Double

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
        text.reserveCapacity(16_384)
    }

    /// The root element, a white background and the default font.
    mutating func open() {
        let w = Self.number(width)
        let h = Self.number(height)
        text += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
        text += "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" font-size=\"11\" role=\"img\">\n"
        text += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
    }

    mutating func close() { text += "</svg>\n" }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil
    ) {
        text += "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" "
        text += "y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
        if let dash { text += " stroke-dasharray=\"\(dash)\"" }
        text += "/>\n"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
        text += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" "
        text += "height=\"\(Self.number(height))\" fill=\"\(fill)\"/>\n"
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String) {
        text += "<polygon fill=\"\(fill)\" stroke=\"none\" points=\"\(Self.points(points))\"/>\n"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double) {
        text += "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" "
        text += "stroke-linejoin=\"round\" points=\"\(Self.points(points))\"/>\n"
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String, title: String) {
        text += "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" "
        text += "fill=\"\(fill)\"><title>\(TextEscaping.xml(title))</title></circle>\n"
    }

    /// Text at (x, y) (the baseline); `rotate` turns it 90° anticlockwise about that point.
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", fill: String = "#111",
        size: Double = 11, weight: String? = nil, rotate: Bool = false
    ) {
        let (xs, ys) = (Self.number(x), Self.number(y))
        text += "<text x=\"\(xs)\" y=\"\(ys)\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if size != 11 { text += " font-size=\"\(Self.number(size))\"" }
        if let weight { text += " font-weight=\"\(weight)\"" }
        if rotate { text += " transform=\"rotate(-90 \(xs) \(ys))\"" }
        text += ">\(TextEscaping.xml(content))</text>\n"
    }

    private static func points(_ points: [(Double, Double)]) -> String {
        var result = ""
        result.reserveCapacity(points.count * 12)
        for (index, point) in points.enumerated() {
            if index > 0 { result += " " }
            result += number(point.0) + "," + number(point.1)
        }
        return result
    }

    /// A coordinate with one decimal, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
