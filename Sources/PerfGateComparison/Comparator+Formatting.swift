extension Comparator {
    /// A number with 4 significant digits for reasons: `0.0019`, `1.25e-05`, `36175872`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : value < 0 ? "−∞" : "NaN" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e6 {
            return trimmed(decimal(value, significantDigits: 4))
        }
        return scientific(value)
    }

    /// A relative change as a signed percentage with one decimal: `+14.5%`, `-3.0%`.
    static func formatPercent(_ ratio: Double, signed: Bool = true) -> String {
        guard ratio.isFinite else { return ratio > 0 ? "+∞%" : "-∞%" }
        let percent = (ratio * 1000).rounded() / 10
        let body = decimal(abs(percent), fractionDigits: 1)
        if !signed { return "\(body)%" }
        return (percent < 0 ? "-" : "+") + body + "%"
    }

    private static func decimal(_ value: Double, significantDigits: Int) -> String {
        let exponent = Int((abs(value)).log10Floor)
        let fraction = Swift.max(0, significantDigits - 1 - exponent)
        return decimal(value, fractionDigits: fraction)
    }

    /// Fixed-point rendering without Foundation.
    private static func decimal(_ value: Double, fractionDigits: Int) -> String {
        var scale = 1.0
        for _ in 0..<fractionDigits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let integerPart = Int64(scaled / scale)
        var fractionPart = String(Int64(scaled - Double(integerPart) * scale))
        while fractionPart.count < fractionDigits { fractionPart = "0" + fractionPart }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return fractionDigits == 0 ? "\(sign)\(integerPart)" : "\(sign)\(integerPart).\(fractionPart)"
    }

    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return String(result)
    }

    private static func scientific(_ value: Double) -> String {
        let exponent = Int(abs(value).log10Floor)
        var mantissa = value
        for _ in 0..<abs(exponent) { mantissa = exponent > 0 ? mantissa / 10 : mantissa * 10 }
        return "\(trimmed(decimal(mantissa, fractionDigits: 3)))e\(exponent)"
    }
}

extension Double {
    /// ⌊log10(self)⌋ for positive finite values, computed without Foundation.
    fileprivate var log10Floor: Double {
        var exponent = 0.0
        var value = self
        while value >= 10 { value /= 10; exponent += 1 }
        while value < 1 && value > 0 { value *= 10; exponent -= 1 }
        return exponent
    }
}
