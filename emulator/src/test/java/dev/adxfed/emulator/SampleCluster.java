package dev.adxfed.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator cluster with the sample data for a test class, reached only through the Kusto SDK.
 * After the class, every text it sent must be judged alike by Microsoft's parser and ours.
 */
public final class SampleCluster implements BeforeAllCallback, AfterAllCallback {

    private Emulator emulator;
    private SdkSession kusto;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        emulator = Emulator.startClusters(1);
        kusto = new SdkSession(emulator.endpoint());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.close();
        kusto.assertParsersAgree();
    }

    public Emulator emulator() {
        return emulator;
    }

    public SdkSession kusto() {
        return kusto;
    }
}
