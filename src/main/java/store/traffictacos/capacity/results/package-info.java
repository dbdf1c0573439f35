/**
 * Per-runner load-test results that merge exactly across runners.
 *
 * <p>Gatling 3.13+ writes a binary {@code simulation.log} that only the same Gatling version can
 * read, and open-source Gatling no longer writes {@code stats.json}. So each load-generator runner
 * records its own results with {@link store.traffictacos.capacity.results.ResultsRecorder} and
 * writes them with {@link store.traffictacos.capacity.results.ResultsFiles}; the report reads every
 * runner's directory and merges them with {@link store.traffictacos.capacity.results.MergedResults}.
 * This package imports nothing else of the project; the runners, the controller and the report build
 * on it.
 *
 * <h2>Format {@code tacos-results/1}</h2>
 *
 * One directory per runner (runners {@code 0..N-1} of one run):
 * <ul>
 *   <li>{@code results.hlog}: a standard HdrHistogram interval log (log format 1.3). One interval
 *       per (second, endpoint, outcome): the interval start is the second, counted from the run's
 *       start ({@code #[StartTime]} = {@code #[BaseTime]} = {@code startEpochMs / 1000.0}), in
 *       which the requests were <em>sent</em>; the length is 1 s. Values are response times in
 *       <b>microseconds</b>, 3 significant digits; only the informative {@code Interval_Max}
 *       column is in milliseconds.</li>
 *   <li>Tag of each interval: {@code endpoint=<e>;outcome=<o>}. HdrHistogram logs split on space,
 *       comma and line breaks, so both values are percent-encoded: every UTF-8 byte outside
 *       {@code 0x21..0x7E}, and {@code % , ; =}, is written {@code %XX}
 *       ({@code "POST /r/{id}"} becomes {@code POST%20/r/{id}}). Outcomes are {@code ok} or a
 *       failure kind such as {@code http_500}, {@code http_429}, {@code timeout},
 *       {@code connection}, {@code check}, {@code not_ready}.</li>
 *   <li>{@code manifest.json}, written last: {@code "format": "tacos-results/1"} (the version;
 *       bumped on any change an old reader would misread, while unknown fields are ignored), run id,
 *       runner index and count, profile, start/end in epoch milliseconds, Gatling version, target
 *       URL, the profile's phases ({@code name}, {@code startEpochMs}, {@code endEpochMs}, {@code fromRps},
 *       {@code toRps} and {@code judged}: false for a phase the report shows but does not judge, such
 *       as a warm-up; a phase without it, written before it existed, is judged), {@code seconds}: {@code [{second, scheduled, sent}]} for every
 *       second from 0 (this runner only), {@code runnerCpu}: the runner's busiest CPU share in the
 *       seconds it was read, {@code totals} of the responses in the log (all, by endpoint, by
 *       outcome), which readers check against the log, {@code transport} (optional, added within
 *       this format; files without it read as no transport): the HTTP version, the request timeout in
 *       ms, the in-flight bound and why, the connections the warm-up opened, and {@code seconds}:
 *       {@code [{second, connectionsOpened, peakInFlight}]} (peakInFlight -1 when not read), and
 *       {@code stoppedEarly}: why the runner stopped before its profile's end (a SIGTERM, or
 *       "generator saturated"), or null.</li>
 * </ul>
 *
 * <h2>Merging</h2>
 *
 * All runners of a run share its start instant, so second {@code s} means the same wall-clock
 * second everywhere. Merging adds the histograms of equal (second, endpoint, outcome) with
 * {@code Histogram.add}, and {@code scheduled} and {@code sent} per second. HDR histogram addition
 * at equal precision is exact: the merged percentiles, max and count equal those of a single
 * histogram that recorded every sample. Any window (phase, endpoint, outcome) is the sum of its
 * series.
 */
@NullMarked
package store.traffictacos.capacity.results;

import org.jspecify.annotations.NullMarked;
