import ArgumentParser
import Limber

struct Devices: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract:
            "Every device that has written to this journal: id, name, last seq, last event, clock skew."
    )

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let devices = try options.open().devices()
        if output.json { return try JSONOutput.print(devices) }
        if devices.isEmpty { Terminal.write("no device has written yet") }
        for device in devices {
            var line = device.device + "  " + (device.name ?? "(no name yet)")
            if device.mine { line += " (this machine)" }
            line += "  seq \(device.lastSeq)"
            if let last = device.lastEvent { line += "  last \(SessionText.timestamp(last)) UTC" }
            if let skew = device.clockSkewSeconds { line += "  clock \(skew / 3600) h ahead" }
            Terminal.write(line)
        }
    }
}
