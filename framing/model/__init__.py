"""The learned loaded-language detector: features, training and the shipped model."""
