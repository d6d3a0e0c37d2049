package io.github.xmppiot.hal;

/**
 * An analog input channel of an ADC, read as a raw integer sample.
 *
 * @since 0.1.0
 */
public interface AnalogInput extends HalChannel {

    /**
     * The channel number.
     *
     * @return the channel
     */
    int channel();

    /**
     * Samples the input.
     *
     * @return the raw sample; its range depends on the converter
     * @throws HalException if the backend cannot sample the input
     */
    int read() throws HalException;
}
