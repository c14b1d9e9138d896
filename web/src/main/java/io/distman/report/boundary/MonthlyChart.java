package io.distman.report.boundary;

import io.distman.message.entity.DeliveryStatus;
import io.distman.report.entity.MonthlyCount;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.primefaces.model.charts.ChartData;
import org.primefaces.model.charts.axes.cartesian.CartesianScales;
import org.primefaces.model.charts.axes.cartesian.linear.CartesianLinearAxes;
import org.primefaces.model.charts.bar.BarChartDataSet;
import org.primefaces.model.charts.bar.BarChartModel;
import org.primefaces.model.charts.bar.BarChartOptions;

/**
 * The report's chart: one bar per month and source module (Chart.js stacks datasets that share a
 * {@code stack}), each bar stacked by status, in a colour per status so failures stand out in red.
 */
final class MonthlyChart {

    private MonthlyChart() {
    }

    static BarChartModel of(List<MonthlyCount> rows, YearMonth from, YearMonth to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        // source -> status -> month -> count; sorted so the legend's order is stable.
        Map<String, Map<DeliveryStatus, Map<YearMonth, Long>>> series = new TreeMap<>();
        for (MonthlyCount row : rows) {
            series.computeIfAbsent(row.source(), s -> new TreeMap<>()).computeIfAbsent(row.status(), s -> new LinkedHashMap<>())
                    .merge(row.month(), row.count(), Long::sum);
        }
        ChartData data = new ChartData();
        series.forEach((source, byStatus) -> byStatus.forEach((status, byMonth) -> {
            BarChartDataSet set = new BarChartDataSet();
            set.setLabel(source + " · " + status.label());
            set.setStack(source);
            set.setBackgroundColor(colour(status));
            set.setData(months.stream().<Object>map(m -> byMonth.getOrDefault(m, 0L)).toList());
            data.addChartDataSet(set);
        }));
        data.setLabels(months.stream().map(YearMonth::toString).toList());

        // One stacked linear axis for both directions, with offset so that bars sit on their month's label
        // (PrimeFaces' stacked-bar recipe); separate axes left the bars off their labels and scale.
        CartesianLinearAxes axes = new CartesianLinearAxes();
        axes.setStacked(true);
        axes.setOffset(true);
        CartesianScales scales = new CartesianScales();
        scales.addXAxesData(axes);
        scales.addYAxesData(axes);
        BarChartOptions options = new BarChartOptions();
        options.setScales(scales);
        options.setMaintainAspectRatio(false);
        // No grow-in animation: a report's bars should be final at once (and so are screenshots and prints).
        org.primefaces.model.charts.optionconfig.animation.Animation still =
                new org.primefaces.model.charts.optionconfig.animation.Animation();
        still.setDuration(0);
        options.setAnimation(still);
        BarChartModel model = new BarChartModel();
        model.setData(data);
        model.setOptions(options);
        return model;
    }

    static String colour(DeliveryStatus status) {
        return switch (status) {
            case ACCEPTED, DELIVERED -> "#4caf50";
            case OPENED, CLICKED -> "#2e7d32";
            case PRINTED -> "#00838f";
            case FAILED -> "#d32f2f";
            case REJECTED -> "#ef6c00";
            case COMPLAINED -> "#8e24aa";
            case UNSUBSCRIBED -> "#6d4c41";
            case TEMPORARY_FAILURE -> "#fbc02d";
            case PENDING, SCHEDULED, SENDING, PENDING_DIGEST -> "#90caf9";
            case EMAIL_MISSING, SUPPRESSED, OPTED_OUT, CANCELLED -> "#9e9e9e";
        };
    }
}
