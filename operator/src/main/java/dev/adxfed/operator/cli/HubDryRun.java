package dev.adxfed.operator.cli;

import dev.adxfed.operator.federation.FederationPass;
import dev.adxfed.operator.federation.FederationReport;
import dev.adxfed.operator.federation.Hub;
import dev.adxfed.operator.federation.HubDatabases;
import dev.adxfed.operator.kusto.KustoConnector;
import dev.adxfed.operator.review.HubReview;
import dev.adxfed.operator.review.LastPass;
import dev.adxfed.operator.review.ReviewRecorder;

import java.util.List;

/**
 * One federation pass over a hub with every change withheld: the commands a sync would send, the
 * pass' report, and the review of what it found, for {@code plan} and {@code status}.
 */
record HubDryRun(HubReview review, List<DryRunKusto.Withheld> commands, FederationReport report) {

    static HubDryRun of(KustoConnector kusto, String name, Hub hub, LastPass lastPass) {
        DryRunKusto dryRun = new DryRunKusto(kusto.connect(hub.endpoint(), null));
        ReviewRecorder recorder = new ReviewRecorder();
        Hub planned = hub.databases() == HubDatabases.KUSTO ? hub
                : hub.withDatabases((cluster, database) -> dryRun.pretendArmDatabase(database));
        FederationReport report = new FederationPass((endpoint, identity) -> dryRun).run(planned, false, recorder);
        List<DryRunKusto.Withheld> withheld = dryRun.withheld();
        return new HubDryRun(recorder.review(name, hub, report, withheld.size(), lastPass), withheld, report);
    }
}
