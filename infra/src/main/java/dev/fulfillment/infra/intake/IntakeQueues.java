package dev.fulfillment.infra.intake;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/** The bulk order queue, its dead-letter queue, and the alarm that says something landed there. */
public final class IntakeQueues extends Construct {

  /** Deliveries before SQS moves a message to the DLQ: enough to ride out a throttled StartExecution. */
  public static final int MAX_RECEIVE_COUNT = 5;

  private final Queue queue;
  private final Queue deadLetterQueue;
  private final Alarm deadLetterAlarm;

  /**
   * @param consumerTimeout the timeout of the function that reads the queue; AWS asks for a visibility timeout of at
   *                        least six times that ("Using Lambda with Amazon SQS", Lambda developer guide), so a batch
   *                        whose invocation is retried after throttling is not redelivered meanwhile
   */
  public IntakeQueues(Construct scope, String id, Duration consumerTimeout) {
    super(scope, id);
    this.deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        // The longest SQS allows: time for a person to look before messages expire.
        .retentionPeriod(Duration.days(14))
        .build();
    this.queue = Queue.Builder.create(this, "Queue")
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .visibilityTimeout(Duration.seconds(consumerTimeout.toSeconds().longValue() * 6))
        .retentionPeriod(Duration.days(4))
        .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetterQueue).maxReceiveCount(MAX_RECEIVE_COUNT).build())
        .build();
    this.deadLetterAlarm = Alarm.Builder.create(this, "DeadLetterAlarm")
        .alarmDescription("Orders are waiting in the intake dead-letter queue: they were invalid or could not be "
            + "started after " + MAX_RECEIVE_COUNT + " deliveries.")
        .metric(deadLetterQueue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
            .statistic("Maximum")
            .period(Duration.minutes(1))
            .build()))
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
  }

  public Queue queue() {
    return queue;
  }

  public Queue deadLetterQueue() {
    return deadLetterQueue;
  }

  public Alarm deadLetterAlarm() {
    return deadLetterAlarm;
  }
}
