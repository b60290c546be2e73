import Foundation
import Yams

/// Reads declared agendas from `*.yaml` files: `id`, `label`, `aliases`, and `items` with `id`, `name`, `text`, `keywords`.
public enum AgendaDeclarations {
    public static func load(folders: [String]) -> ([Agenda], [LoadWarning]) {
        var agendas: [Agenda] = []
        var warnings: [LoadWarning] = []
        let fm = FileManager.default
        for folder in folders {
            guard let names = try? fm.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".")
            {
                let path = folder + "/" + name
                guard let data = fm.contents(atPath: path) else {
                    warnings.append(LoadWarning(path: path, line: 0, message: "cannot read agenda file"))
                    continue
                }
                let (agenda, w) = parse(String(decoding: data, as: UTF8.self), path: path)
                warnings += w
                if let agenda { agendas.append(agenda) }
            }
        }
        return (agendas, warnings)
    }

    public static func parse(_ text: String, path: String) -> (Agenda?, [LoadWarning]) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            return (nil, [LoadWarning(path: path, line: 0, message: "agenda is not valid YAML: \(error)")])
        }
        guard let map = node?.mapping else {
            return (
                nil, [LoadWarning(path: path, line: 1, message: "agenda must be a mapping with 'label' and 'items'")]
            )
        }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let label = map["label"]?.string else {
            return (nil, [LoadWarning(path: path, line: 1, message: "agenda has no 'label'")])
        }
        let id = map["id"]?.string ?? stem
        var items: [AgendaItem] = []
        var warnings: [LoadWarning] = []
        for (n, itemNode) in (map["items"]?.sequence ?? []).enumerated() {
            guard let item = itemNode.mapping, let text = item["text"]?.string else {
                warnings.append(
                    LoadWarning(
                        path: path, line: itemNode.mark?.line ?? 0,
                        message: "agenda item \(n + 1) has no 'text'; skipped"))
                continue
            }
            let keywords = (item["keywords"]?.sequence ?? []).compactMap(\.string)
            items.append(
                AgendaItem(
                    id: item["id"]?.string ?? "\(id).\(n + 1)", text: text, name: item["name"]?.string,
                    keywords: keywords))
        }
        if items.isEmpty {
            warnings.append(LoadWarning(path: path, line: 1, message: "agenda '\(label)' has no items"))
        }
        var agenda = Agenda(id: id, label: label, items: items)
        agenda.aliases = (map["aliases"]?.sequence ?? []).compactMap(\.string)
        return (agenda, warnings)
    }
}
