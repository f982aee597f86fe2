print("insq")
