package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.site.Site;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /api/reports/weekly?week=2026-W48&format=json|csv|html&lang=zh|en}: the weekly statistics (每周统计),
 * as JSON, as CSV for a spreadsheet, or as a printable page in Chinese or English. The default week is the current one.
 */
@RestController
class WeeklyReportController {

    private static final Map<String, List<String>> COLUMNS = Map.of(
            "en", List.of("Building", "Trade", "Opened", "Closed", "Dispatched on time", "Responded on time", "Resolved on time",
                    "Followed up on time", "Satisfied", "Backlog", "Overdue", "First-time fix"),
            "zh", List.of("楼宇", "专业", "新建", "关闭", "及时派工率", "及时响应率", "及时修复率", "回访率", "满意率", "未完成", "已超期", "一次修复率"));
    private static final Map<String, List<String>> DEVICE_COLUMNS = Map.of(
            "en", List.of("Device", "Failures", "Mean time to repair", "Mean time between failures"),
            "zh", List.of("设备", "故障次数", "平均修复时间", "平均故障间隔"));
    private static final Map<String, String> TITLE = Map.of("en", "Weekly work-order report", "zh", "每周工单统计");

    private final WeeklyReports reports;
    private final Site site;
    private final Clock clock;

    WeeklyReportController(WeeklyReports reports, Site site, Clock clock) {
        this.reports = reports;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/api/reports/weekly")
    ResponseEntity<?> weekly(@RequestParam(required = false) String week, @RequestParam(defaultValue = "json") String format,
                             @RequestParam(defaultValue = "en") String lang) {
        if (!COLUMNS.containsKey(lang)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "lang '" + lang + "' is not offered; use zh or en");
        }
        WeeklyReport report;
        try {
            report = reports.report(week == null ? currentWeek() : week);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return switch (format) {
            case "json" -> ResponseEntity.ok(report);
            case "csv" -> ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"workorders-" + report.week() + ".csv\"")
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .body(csv(report, lang));
            case "html" -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html(report, lang));
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format '" + format + "' is not offered; use json, csv or html");
        };
    }

    private String currentWeek() {
        LocalDate today = LocalDate.now(clock.withZone(site.timeZone()));
        return String.format(Locale.ROOT, "%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static String csv(WeeklyReport report, String lang) {
        StringBuilder out = new StringBuilder("\uFEFF"); // a BOM, so spreadsheet programs read the Chinese labels as UTF-8
        out.append(String.join(",", COLUMNS.get(lang))).append("\r\n");
        for (List<String> row : rows(report, lang)) {
            out.append(String.join(",", row.stream().map(WeeklyReportController::csvCell).toList())).append("\r\n");
        }
        return out.toString();
    }

    static String html(WeeklyReport report, String lang) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html><html lang=\"").append(lang.equals("zh") ? "zh-CN" : "en").append("\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(TITLE.get(lang)).append(' ').append(report.week()).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
                .append("th,td{border:1px solid #999;padding:4px 8px;text-align:right}th:first-child,td:first-child,")
                .append("th:nth-child(2),td:nth-child(2){text-align:left}@media print{body{margin:0}}</style></head><body>")
                .append("<h1>").append(TITLE.get(lang)).append(' ').append(report.week()).append("</h1>")
                .append("<p>").append(report.monday().format(DateTimeFormatter.ISO_LOCAL_DATE)).append(" – ")
                .append(report.monday().plusDays(6).format(DateTimeFormatter.ISO_LOCAL_DATE)).append("</p>");
        table(out, COLUMNS.get(lang), rows(report, lang));
        List<List<String>> devices = report.devices().stream().map(d -> List.of(
                d.deviceName().equals(d.deviceId()) ? d.deviceId() : d.deviceName() + " (" + d.deviceId() + ")", Integer.toString(d.failures()),
                duration(d.meanTimeToRepair(), lang), duration(d.meanTimeBetweenFailures(), lang))).toList();
        table(out, DEVICE_COLUMNS.get(lang), devices);
        return out.append("</body></html>").toString();
    }

    private static void table(StringBuilder out, List<String> header, List<List<String>> rows) {
        out.append("<table><thead><tr>");
        header.forEach(h -> out.append("<th>").append(HtmlUtils.htmlEscape(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(HtmlUtils.htmlEscape(cell)).append("</td>"));
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    private static List<List<String>> rows(WeeklyReport report, String lang) {
        ResourceBundle texts = texts(lang);
        return report.groups().stream().map(g -> List.of(g.building(), texts.getString(g.trade().isEmpty() ? "trade.none" : "trade." + g.trade()),
                Integer.toString(g.opened()), Integer.toString(g.closed()),
                percent(g.dispatchOnTime()), percent(g.responseOnTime()), percent(g.resolutionOnTime()), percent(g.followUpRate()),
                percent(g.satisfaction()), Integer.toString(g.backlog()), Integer.toString(g.overdue()), percent(g.firstTimeFix()))).toList();
    }

    private static String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** Hours and minutes as the reader's language writes them ("168h 00m", "168小时00分"), the console's SLA clock's words. */
    private static String duration(Duration d, String lang) {
        return d == null ? "–" : new MessageFormat(texts(lang).getString("span.hours"), Locale.forLanguageTag(lang))
                .format(new Object[] {d.toHours(), (long) d.toMinutesPart()});
    }

    private static ResourceBundle texts(String lang) {
        return ResourceBundle.getBundle("messages", Locale.forLanguageTag(lang));
    }

    private static String csvCell(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
